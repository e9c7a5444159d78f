package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped defaults applied to a realistic V2 order and V3 customer. */
class SyncMapperTest {
  private static final SyncMapper DEFAULTS =
      new SyncMapper(new SyncConfigLoader(Fixtures.packageSchema()).loadDefaults().mapping());

  @Test
  void a_v2_order_becomes_an_order_with_its_items() {
    MappedOrder order = DEFAULTS.mapOrder("Order", Fixtures.orderDocument());

    assertThat(order.header().object()).isEqualTo("Order");
    assertThat(order.header().fields())
        .containsOnly(
            entry("BC_Order_Id__c", "abc123:3051"),
            entry("BC_Order_Number__c", "3051"),
            entry("EffectiveDate", LocalDate.of(2024, 11, 30)),
            entry("Status", "Draft"),
            entry("BC_Status__c", "Awaiting Fulfillment"),
            entry("BC_Payment_Status__c", "captured"),
            entry("BC_Grand_Total__c", new BigDecimal("98.59")),
            entry("BC_Items_Total__c", new BigDecimal("3")),
            entry("BC_Subtotal__c", new BigDecimal("86.50")),
            entry("BC_Discount_Total__c", new BigDecimal("5.00")),
            entry("BC_Shipping_Total__c", new BigDecimal("9.95")),
            entry("BC_Tax_Total__c", new BigDecimal("7.14")),
            entry("BC_Currency_Code__c", "USD"),
            entry("BC_Channel__c", "1"),
            entry("BC_Coupon_Codes__c", "WINTER5, FREESHIP"),
            entry(
                "Description",
                "Please leave the parcel with the neighbour at number 12 if nobody answers."),
            entry("BillingStreet", "1200 Barton Springs Rd\nApt 4B"),
            entry("BillingCity", "Austin"),
            entry("BillingState", "Texas"),
            entry("BillingPostalCode", "78704"),
            entry("BillingCountry", "United States"),
            entry("ShippingStreet", "77 Rainey St"),
            entry("ShippingCity", "Austin"),
            entry("ShippingState", "Texas"),
            entry("ShippingPostalCode", "78701"),
            entry("ShippingCountry", "United States"));
    assertThat(order.header().notes()).isEmpty();

    assertThat(order.lines()).hasSize(2);
    assertThat(order.lines().get(0).object()).isEqualTo("OrderItem");
    assertThat(order.lines().get(0).fields())
        .containsOnly(
            entry("BC_Order_Line_Id__c", "abc123:9101"),
            entry("Quantity", new BigDecimal("2.00")),
            entry("UnitPrice", new BigDecimal("24.50")),
            entry("BC_Discount__c", new BigDecimal("0.00")),
            entry("BC_Sku__c", "APRON-SAGE"),
            entry("BC_Product_Name__c", "Linen Apron - Sage"),
            entry("Description", "Linen Apron - Sage"));
    // UnitPrice is what the shopper paid per unit (before tax): the 37.50 mug less its 5.00 coupon
    // share.
    assertThat(order.lines().get(1).fields())
        .contains(
            entry("BC_Order_Line_Id__c", "abc123:9102"),
            entry("UnitPrice", new BigDecimal("32.50")),
            entry("BC_Discount__c", new BigDecimal("5.00")));
  }

  @Test
  void header_money_adds_up_to_the_grand_total_and_lines_to_the_items_paid_for() {
    MappedOrder order = DEFAULTS.mapOrder("Order", Fixtures.orderDocument());
    Map<String, Object> header = order.header().fields();

    BigDecimal recomposed =
        ((BigDecimal) header.get("BC_Subtotal__c"))
            .subtract((BigDecimal) header.get("BC_Discount_Total__c"))
            .add((BigDecimal) header.get("BC_Shipping_Total__c"))
            .add((BigDecimal) header.get("BC_Tax_Total__c"));
    assertThat(recomposed).isEqualByComparingTo((BigDecimal) header.get("BC_Grand_Total__c"));
    BigDecimal totalAmount =
        order.lines().stream()
            .map(
                line ->
                    ((BigDecimal) line.fields().get("UnitPrice"))
                        .multiply((BigDecimal) line.fields().get("Quantity")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(totalAmount)
        .as("Salesforce's TotalAmount: items less discounts, before tax")
        .isEqualByComparingTo(
            ((BigDecimal) header.get("BC_Subtotal__c"))
                .subtract((BigDecimal) header.get("BC_Discount_Total__c")));
  }

  @Test
  void the_same_order_as_an_opportunity_or_a_bc_order() {
    MappedOrder opportunity = DEFAULTS.mapOrder("Opportunity", Fixtures.orderDocument());
    MappedOrder custom = DEFAULTS.mapOrder("BC_Order__c", Fixtures.orderDocument());

    assertThat(opportunity.header().fields())
        .contains(
            entry("Name", "BigCommerce order 3051"),
            entry("StageName", "Closed Won"),
            entry("CloseDate", LocalDate.of(2024, 11, 30)),
            entry("Amount", new BigDecimal("98.59")));
    assertThat(opportunity.lines())
        .extracting(MappedRecord::object)
        .containsOnly("OpportunityLineItem");
    assertThat(opportunity.lines().get(0).fields())
        .containsEntry("Description", "APRON-SAGE Linen Apron - Sage");

    assertThat(custom.header().fields())
        .contains(
            entry("Name", "3051"),
            entry("BC_Order_Date__c", LocalDate.of(2024, 11, 30)),
            entry("BC_Grand_Total__c", new BigDecimal("98.59")));
    assertThat(custom.lines().get(1).fields())
        .contains(
            entry("BC_Order_Line_Id__c", "abc123:9102"),
            entry("BC_Quantity__c", new BigDecimal("1")),
            entry("BC_Unit_Price__c", new BigDecimal("37.50")),
            entry("BC_Line_Total__c", new BigDecimal("37.50")),
            entry("BC_Discount__c", new BigDecimal("5.00")));
    assertThat(custom.header().fields())
        .contains(
            entry("BC_Subtotal__c", new BigDecimal("86.50")),
                entry("BC_Discount_Total__c", new BigDecimal("5.00")),
            entry("BC_Shipping_Total__c", new BigDecimal("9.95")),
                entry("BC_Tax_Total__c", new BigDecimal("7.14")));
    assertThat(opportunity.lines().get(1).fields())
        .containsEntry("UnitPrice", new BigDecimal("32.50"));
  }

  @Test
  void an_order_whose_products_were_not_fetched_is_refused_rather_than_mapped_without_lines() {
    // order-v2.json holds the V2 {url, resource} stubs, as GET /v2/orders/{id} returns them.
    var unfetched = SourceDocuments.order("abc123", Fixtures.json("order-v2.json"), Map.of());

    assertThatThrownBy(() -> DEFAULTS.mapOrder("Order", unfetched))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a products array");
  }

  @Test
  void unfetched_coupons_and_shipping_addresses_are_left_out_rather_than_guessed() {
    var withProductsOnly =
        SourceDocuments.order(
            "abc123",
            Fixtures.json("order-v2.json"),
            Map.of("products", Fixtures.json("order-v2-products.json")));

    MappedOrder order = DEFAULTS.mapOrder("Order", withProductsOnly);

    assertThat(order.lines()).hasSize(2);
    assertThat(order.header().fields())
        .doesNotContainKeys("BC_Coupon_Codes__c", "ShippingCity", "ShippingStreet");
  }

  @Test
  void a_v3_customer_becomes_a_contact_lead_and_account() {
    var document = SourceDocuments.customer("abc123", Fixtures.json("customer-v3.json"));

    MappedRecord contact = DEFAULTS.mapCustomer("Contact", document);
    MappedRecord lead = DEFAULTS.mapCustomer("Lead", document);
    MappedRecord account = DEFAULTS.mapCustomer("Account", document);

    assertThat(contact.fields())
        .containsOnly(
            entry("BC_Customer_Id__c", "abc123:27"),
            entry("FirstName", "Maria"),
            entry("LastName", "Gonzalez"),
            entry("Email", "maria.gonzalez@example.com"),
            entry("Phone", "512-555-0147"),
            entry("BC_Customer_Group__c", "2"),
            entry("MailingStreet", "1200 Barton Springs Rd\nApt 4B"),
            entry("MailingCity", "Austin"),
            entry("MailingState", "Texas"),
            entry("MailingPostalCode", "78704"),
            entry("MailingCountry", "United States"));
    assertThat(lead.fields())
        .contains(entry("Company", "[not provided]"), entry("PostalCode", "78704"));
    assertThat(account.fields()).contains(entry("Name", "Maria Gonzalez"));
  }

  @Test
  void a_guest_with_only_an_email_becomes_a_contact_without_an_external_id() {
    var document = SourceDocuments.guestCustomer("abc123", Fixtures.json("guest-order-v2.json"));

    MappedRecord contact = DEFAULTS.mapCustomer("Contact", document);

    assertThat(contact.fields())
        .containsOnly(
            entry("LastName", "[not provided]"),
            entry("Email", " Guest.Shopper+gifts@Example.org "));
  }

  @Test
  void asking_for_an_object_with_the_wrong_source_is_a_programming_error() {
    assertThatThrownBy(() -> DEFAULTS.mapCustomer("Order", Fixtures.orderDocument()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Order is mapped from order, not customer");
    assertThatThrownBy(() -> DEFAULTS.mapOrder("Nope", Fixtures.orderDocument()))
        .hasMessage("no mapping for object Nope");
  }
}
