package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Activated Orders are locked (../shared/reference/salesforce.md G "Activated Orders" and E.6;
 * Order object reference
 * developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_order.htm):
 * their OrderItems cannot be added, changed or deleted until the Order is set back to Draft, and an
 * Order without items cannot be activated. The status codes are not documented there;
 * ENTITY_IS_LOCKED (items) and FIELD_INTEGRITY_EXCEPTION (activation) are the simulator's choice.
 */
class ActivatedOrderLockTest {
  static SalesforceSimulator sim;
  static PartnerConnection connection;
  static String entry;
  static String account;
  String order;
  String item;

  @BeforeAll
  static void start() throws Exception {
    sim = TestOrgs.start();
    connection = TestOrgs.login(sim);
    String sku = "LOCK-" + UUID.randomUUID().toString().substring(0, 6);
    String product =
        create("Product2", Map.of("Name", sku, "BC_Product_Id__c", sku, "IsActive", true));
    entry =
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
    account = create("Account", Map.of("Name", "Lock Buyer"));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void draftOrderWithOneItem() throws Exception {
    order =
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
    item = create("OrderItem", itemFields());
  }

  private Map<String, Object> itemFields() {
    return Map.of("OrderId", order, "PricebookEntryId", entry, "Quantity", 1.0, "UnitPrice", 5.0);
  }

  private static String create(String type, Map<String, Object> fields) throws Exception {
    SaveResult result = save(sobject(type, fields));
    assertThat(result.getErrors()).as("creating %s", type).isEmpty();
    return result.getId();
  }

  private static SaveResult save(SObject record) throws Exception {
    return record.getId() == null
        ? connection.create(new SObject[] {record})[0]
        : connection.update(new SObject[] {record})[0];
  }

  private SaveResult setStatus(String id, String status) throws Exception {
    SObject update = sobject("Order", Map.of("Status", status));
    update.setId(id);
    return save(update);
  }

  @Test
  void items_of_an_activated_order_cannot_be_added_changed_or_deleted() throws Exception {
    assertThat(setStatus(order, "Activated").isSuccess()).isTrue();

    SaveResult added = save(sobject("OrderItem", itemFields()));
    SObject change = sobject("OrderItem", Map.of("Quantity", 3.0));
    change.setId(item);
    SaveResult changed = save(change);
    DeleteResult deleted = connection.delete(new String[] {item})[0];

    assertThat(added.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_LOCKED);
    assertThat(changed.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_LOCKED);
    assertThat(deleted.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_LOCKED);
    assertThat(sim.record(item).orElseThrow()).containsEntry("Quantity", 1.0);
  }

  @Test
  void back_in_draft_the_items_can_change_and_the_order_be_activated_again() throws Exception {
    assertThat(setStatus(order, "Activated").isSuccess()).isTrue();
    assertThat(setStatus(order, "Draft").isSuccess()).isTrue();

    assertThat(save(sobject("OrderItem", itemFields())).isSuccess()).isTrue();
    assertThat(connection.delete(new String[] {item})[0].isSuccess()).isTrue();
    assertThat(setStatus(order, "Activated").isSuccess()).isTrue();
  }

  @Test
  void an_order_without_items_cannot_be_activated() throws Exception {
    assertThat(connection.delete(new String[] {item})[0].isSuccess()).isTrue();

    SaveResult activated = setStatus(order, "Activated");
    SaveResult createdActive =
        save(
            sobject(
                "Order",
                Map.of(
                    "AccountId",
                    account,
                    "EffectiveDate",
                    "2026-02-01",
                    "Status",
                    "Activated",
                    "Pricebook2Id",
                    sim.standardPricebookId())));

    assertThat(activated.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(createdActive.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(sim.record(order).orElseThrow()).containsEntry("Status", "Draft");
  }
}
