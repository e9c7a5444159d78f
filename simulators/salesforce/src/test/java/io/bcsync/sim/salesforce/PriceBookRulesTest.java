package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order-sync sequence: products, standard and custom price book entries, orders and order
 * products.
 */
class PriceBookRulesTest {
  static SalesforceSimulator sim;
  static PartnerConnection connection;

  @BeforeAll
  static void start() throws Exception {
    sim = TestOrgs.start();
    connection = TestOrgs.login(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String create(String type, Map<String, Object> fields) throws Exception {
    SaveResult result = connection.create(new SObject[] {sobject(type, fields)})[0];
    assertThat(result.getErrors()).as("creating %s", type).isEmpty();
    return result.getId();
  }

  private static String product(String sku) throws Exception {
    return create("Product2", Map.of("Name", sku, "BC_Product_Id__c", sku, "IsActive", true));
  }

  @Test
  void custom_price_needs_a_standard_price_first() throws Exception {
    String product = product("SKU-CUSTOM");
    String custom = create("Pricebook2", Map.of("Name", "Wholesale", "IsActive", true));

    SaveResult tooEarly =
        connection
            .create(
                new SObject[] {
                  sobject(
                      "PricebookEntry",
                      Map.of(
                          "Pricebook2Id",
                          custom,
                          "Product2Id",
                          product,
                          "UnitPrice",
                          8.0,
                          "IsActive",
                          true))
                })[0];
    create(
        "PricebookEntry",
        Map.of(
            "Pricebook2Id",
            sim.standardPricebookId(),
            "Product2Id",
            product,
            "UnitPrice",
            10.0,
            "IsActive",
            true));
    SaveResult duplicate =
        connection
            .create(
                new SObject[] {
                  sobject(
                      "PricebookEntry",
                      Map.of(
                          "Pricebook2Id",
                          sim.standardPricebookId(),
                          "Product2Id",
                          product,
                          "UnitPrice",
                          11.0))
                })[0];

    assertThat(tooEarly.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.STANDARD_PRICE_NOT_DEFINED);
    assertThat(duplicate.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    create(
        "PricebookEntry",
        Map.of("Pricebook2Id", custom, "Product2Id", product, "UnitPrice", 8.0, "IsActive", true));
  }

  @Test
  void order_products_need_an_active_entry_from_the_orders_price_book() throws Exception {
    String product = product("SKU-ORDER");
    String entry =
        create(
            "PricebookEntry",
            Map.of(
                "Pricebook2Id",
                sim.standardPricebookId(),
                "Product2Id",
                product,
                "UnitPrice",
                25.0,
                "IsActive",
                true));
    String account = create("Account", Map.of("Name", "Buyer"));
    Map<String, Object> orderFields =
        new HashMap<>(
            Map.of("AccountId", account, "EffectiveDate", "2026-02-01", "Status", "Draft"));
    String orderWithoutBook = create("Order", orderFields);
    orderFields.put("Pricebook2Id", sim.standardPricebookId());
    orderFields.put("BC_Order_Id__c", "1001");
    String order = create("Order", orderFields);

    SaveResult noBook =
        connection
            .create(
                new SObject[] {
                  sobject(
                      "OrderItem",
                      Map.of(
                          "OrderId",
                          orderWithoutBook,
                          "PricebookEntryId",
                          entry,
                          "Quantity",
                          1,
                          "UnitPrice",
                          25.0))
                })[0];
    SaveResult noEntry =
        connection
            .create(
                new SObject[] {
                  sobject("OrderItem", Map.of("OrderId", order, "Quantity", 1, "UnitPrice", 25.0))
                })[0];
    UpsertResult line =
        connection
            .upsert(
                "BC_Order_Line_Id__c",
                new SObject[] {
                  sobject(
                      "OrderItem",
                      Map.of(
                          "BC_Order_Line_Id__c",
                          "1001-1",
                          "OrderId",
                          order,
                          "PricebookEntryId",
                          entry,
                          "Quantity",
                          2,
                          "UnitPrice",
                          20.0))
                })[0];

    assertThat(noBook.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(noBook.getErrors()[0].getFields()).containsExactly("PricebookEntryId");
    assertThat(noEntry.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
    assertThat(noEntry.getErrors()[0].getFields()).containsExactly("PricebookEntryId");
    assertThat(line.isCreated()).isTrue();
    SObject stored =
        connection.query(
                "SELECT Product2Id, TotalPrice, Order.TotalAmount FROM OrderItem WHERE BC_Order_Line_Id__c = '1001-1'")
            .getRecords()[0];
    assertThat(stored.getField("Product2Id")).isEqualTo(product);
    assertThat(stored.getField("TotalPrice")).isEqualTo("40.0");
    assertThat(((com.sforce.ws.bind.XmlObject) stored.getField("Order")).getField("TotalAmount"))
        .isEqualTo("40.0");
  }

  @Test
  void order_item_parent_can_be_referenced_by_the_orders_external_id() throws Exception {
    String product = product("SKU-REF");
    String entry =
        create(
            "PricebookEntry",
            Map.of(
                "Pricebook2Id",
                sim.standardPricebookId(),
                "Product2Id",
                product,
                "UnitPrice",
                5.0,
                "IsActive",
                true));
    String account = create("Account", Map.of("Name", "Ref Buyer"));
    String order =
        create(
            "Order",
            Map.of(
                "AccountId",
                account,
                "EffectiveDate",
                "2026-02-01",
                "Status",
                "Draft",
                "Pricebook2Id",
                sim.standardPricebookId(),
                "BC_Order_Id__c",
                "2002"));
    SObject item =
        sobject(
            "OrderItem",
            Map.of(
                "BC_Order_Line_Id__c",
                "2002-1",
                "PricebookEntryId",
                entry,
                "Quantity",
                1,
                "UnitPrice",
                5.0));
    item.setField("Order", sobject("Order", Map.of("BC_Order_Id__c", "2002")));

    UpsertResult result = connection.upsert("BC_Order_Line_Id__c", new SObject[] {item})[0];

    assertThat(result.isSuccess()).isTrue();
    assertThat(sim.record(result.getId()).orElseThrow()).containsEntry("OrderId", order);
  }

  @Test
  void inactive_entries_cannot_be_ordered() throws Exception {
    String product = product("SKU-INACTIVE");
    String entry =
        create(
            "PricebookEntry",
            Map.of(
                "Pricebook2Id",
                sim.standardPricebookId(),
                "Product2Id",
                product,
                "UnitPrice",
                5.0));
    String account = create("Account", Map.of("Name", "Inactive Buyer"));
    String order =
        create(
            "Order",
            Map.of(
                "AccountId",
                account,
                "EffectiveDate",
                "2026-02-01",
                "Status",
                "Draft",
                "Pricebook2Id",
                sim.standardPricebookId()));

    SaveResult result =
        connection
            .create(
                new SObject[] {
                  sobject(
                      "OrderItem",
                      Map.of(
                          "OrderId",
                          order,
                          "PricebookEntryId",
                          entry,
                          "Quantity",
                          1,
                          "UnitPrice",
                          5.0))
                })[0];

    assertThat(result.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.FIELD_INTEGRITY_EXCEPTION);
  }

  @Test
  void campaign_membership_is_unique_per_person() throws Exception {
    String campaign = create("Campaign", Map.of("Name", "Spring"));
    String contact = create("Contact", Map.of("LastName", "Member"));
    create("CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact));

    SaveResult again =
        connection
            .create(
                new SObject[] {
                  sobject("CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact))
                })[0];

    assertThat(again.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(again.getErrors()[0].getMessage()).isEqualTo("Already a campaign member.");
  }

  @Test
  void a_lead_is_a_member_of_a_campaign_once_too() throws Exception {
    String campaign = create("Campaign", Map.of("Name", "Autumn"));
    String lead = create("Lead", Map.of("LastName", "Prospect", "Company", "Acme"));
    create("CampaignMember", Map.of("CampaignId", campaign, "LeadId", lead));

    SaveResult again =
        connection
            .create(
                new SObject[] {
                  sobject("CampaignMember", Map.of("CampaignId", campaign, "LeadId", lead))
                })[0];

    assertThat(again.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(again.getErrors()[0].getMessage()).isEqualTo("Already a campaign member.");
  }

  @Test
  void cases_can_be_owned_by_a_queue() throws Exception {
    SObject queue =
        connection.query(
                "SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = 'Customer_Support'")
            .getRecords()[0];

    String caseId =
        create(
            "Case",
            Map.of("Subject", "Where is my order?", "Origin", "Web", "OwnerId", queue.getId()));

    SObject stored =
        connection.query(
                "SELECT Status, Priority, CaseNumber, OwnerId FROM Case WHERE Id = '"
                    + caseId
                    + "'")
            .getRecords()[0];
    assertThat(stored.getField("Status")).isEqualTo("New");
    assertThat(stored.getField("Priority")).isEqualTo("Medium");
    assertThat(stored.getField("OwnerId")).isEqualTo(queue.getId());
    assertThat((String) stored.getField("CaseNumber")).matches("\\d{8}");
  }
}
