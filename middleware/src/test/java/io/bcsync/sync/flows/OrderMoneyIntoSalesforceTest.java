package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Order money with the shipped mapping, as {@code OrderMoneyEndToEndTest} checks it over both
 * simulators: subtotal, discount, shipping, tax and grand total on the Order, each line's discount
 * and net unit price on its OrderItem, so the items add up to what the shopper paid for them.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderMoneyIntoSalesforceTest implements TestPropertyProvider {
  static final String STORE = "money2";

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;

  @Override
  public Map<String, String> getProperties() {
    return InMemoryPorts.properties();
  }

  @Test
  void an_order_with_a_coupon_tax_and_shipping_lands_with_its_totals_and_line_discounts()
      throws Exception {
    store.customer(STORE, 91).email("ada@example.com").save();
    // Items 59.90; the 6.00 coupon is spread 2.00 on the mugs and 4.00 on the lamp; 8% tax on the
    // items (4.80) and the shipping (0.60): 59.90 - 6.00 + 7.50 + 5.40 = 66.80.
    store
        .order(STORE, 901, 91)
        .line(90101, 7, "MUG-1", "9.95", 2)
        .line(90102, 8, "LAMP-1", "40.00", 1)
        .discount(90101, "2.00")
        .discount(90102, "4.00")
        .coupon("SAVE6")
        .shipping("7.50")
        .tax("5.40")
        .save();

    assertThat(flow.run(List.of(WorkItems.item(1, STORE, "order", 901))))
        .containsEntry(1L, Outcome.SUCCESS);

    Map<String, Object> order = org.one("Order", "BC_Order_Id__c", STORE + ":901");
    assertThat(money(order, "BC_Subtotal__c")).isEqualByComparingTo("59.90");
    assertThat(money(order, "BC_Discount_Total__c")).isEqualByComparingTo("6.00");
    assertThat(money(order, "BC_Shipping_Total__c")).isEqualByComparingTo("7.50");
    assertThat(money(order, "BC_Tax_Total__c")).isEqualByComparingTo("5.40");
    assertThat(money(order, "BC_Grand_Total__c")).isEqualByComparingTo("66.80");
    assertThat(order).containsEntry("BC_Coupon_Codes__c", "SAVE6");
    Map<String, Object> mug = org.one("OrderItem", "BC_Order_Line_Id__c", STORE + ":90101");
    Map<String, Object> lamp = org.one("OrderItem", "BC_Order_Line_Id__c", STORE + ":90102");
    assertThat(money(mug, "BC_Discount__c")).isEqualByComparingTo("2.00");
    assertThat(money(mug, "UnitPrice")).isEqualByComparingTo("8.95");
    assertThat(money(lamp, "BC_Discount__c")).isEqualByComparingTo("4.00");
    assertThat(money(lamp, "UnitPrice")).isEqualByComparingTo("36.00");
    BigDecimal totalAmount =
        org.where("OrderItem", "OrderId", order.get("Id")).stream()
            .map(i -> money(i, "Quantity").multiply(money(i, "UnitPrice")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(totalAmount)
        .as("the Order's TotalAmount: what the shopper paid for the items, before tax")
        .isEqualByComparingTo("53.90");
  }

  private static BigDecimal money(Map<String, Object> record, String field) {
    assertThat(record.get(field)).as(field).isNotNull();
    return new BigDecimal(record.get(field).toString());
  }
}
