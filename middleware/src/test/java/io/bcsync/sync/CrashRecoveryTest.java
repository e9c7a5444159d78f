package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.bigcommerce.store.Address;
import io.bcsync.testsupport.MiddlewareJvm;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The real sync killed between Salesforce's commit and the work item's "done", then restarted on
 * the same database. The middleware runs in its own JVM against both simulators; the Salesforce
 * simulator commits the first OrderItem upsert and holds its answer, and the test kills the
 * middleware with SIGKILL while it waits. The restarted middleware recovers the killed batch's
 * items (their lease runs out) and writes them again, knowing nothing of the lines, headers and
 * customers the lost call and its predecessors wrote. Then every order is updated once more. The
 * end state: nothing dead-lettered, every Order, OrderItem, Account and Contact once. On H2 (a file
 * database); {@code CrashRecoveryMariaDbTest} on MariaDB.
 */
class CrashRecoveryTest extends KilledMiddlewareTestBase {
  static final String STORE = "crash1";
  static final Duration WAIT = Duration.ofSeconds(90);
  static final int CUSTOMERS = 8;
  static final int ORDERS_PER_CUSTOMER = 3;
  static final int GUEST_ORDERS = 4;

  CrashRecoveryTest() {
    super(STORE, WAIT);
  }

  @Test
  void a_middleware_killed_after_salesforce_committed_converges_after_its_restart()
      throws Exception {
    startSimulators();
    long mug = store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    long lamp = store.createProduct("Lamp", "LAMP-1", new BigDecimal("40.00"));
    // Lease and customer-claim settings are the defaults: the killed process's work items and
    // claims are taken over by the restarted one within about 30 s, renewed while a batch runs.
    Map<String, String> properties = properties();

    MiddlewareJvm first = start(properties);
    awaitHooksRegistered();

    // The first OrderItem upsert is committed and its answer held until the fault is cleared.
    sf.faults().loseResponses("upsert", "OrderItem", 1, Duration.ofMinutes(5));
    List<Long> orders = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (int c = 1; c <= CUSTOMERS; c++) {
      String email = "crash.buyer" + c + "@example.com";
      emails.add(email);
      long customer = store.createCustomer(email, "Crash", "Buyer" + c);
      for (int o = 0; o < ORDERS_PER_CUSTOMER; o++) {
        orders.add(store.placeOrder(customer, mug, lamp));
      }
    }
    for (int g = 1; g <= GUEST_ORDERS; g++) {
      String email = "crash.guest" + g + "@example.com";
      emails.add(email);
      orders.add(store.createOrder(guestOrder(g, email, mug, lamp)));
    }

    await().atMost(WAIT).until(() -> sf.faults().lostResponses() == 1);
    first.kill();
    sf.faults().clear();
    assertThat(sf.records("OrderItem")).as("the killed batch wrote lines").isNotEmpty();

    MiddlewareJvm second = start(properties);
    // Later updates of every order, the crashed ones included.
    orders.forEach(order -> store.changeOrderStatus(order, 9));
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                orders.stream()
                        .allMatch(
                            o ->
                                ofOrder("Order", o).stream()
                                    .anyMatch(
                                        r -> "Awaiting Shipment".equals(r.get("BC_Status__c"))))
                    && second.workItems("PENDING") == 0
                    && second.workItems("IN_PROGRESS") == 0);

    assertThat(second.workItems("DEAD")).as("nothing dead-lettered; see " + second.log()).isZero();
    for (long order : orders) {
      List<Map<String, Object>> sfOrder = ofOrder("Order", order);
      assertThat(sfOrder).as("order " + order).hasSize(1);
      assertThat(sf.records("OrderItem"))
          .filteredOn(i -> Objects.equals(i.get("OrderId"), sfOrder.get(0).get("Id")))
          .as("lines of order " + order)
          .hasSize(2)
          .extracting(i -> i.get("BC_Order_Line_Id__c"))
          .doesNotHaveDuplicates();
    }
    assertThat(sf.records("OrderItem")).hasSize(orders.size() * 2);
    for (String email : emails) {
      assertThat(sf.records("Contact"))
          .filteredOn(c -> email.equalsIgnoreCase(String.valueOf(c.get("Email"))))
          .as("Contact " + email)
          .hasSize(1);
    }
    assertThat(sf.records("Account"))
        .filteredOn(a -> String.valueOf(a.get("BC_Account_Key__c")).startsWith(STORE + ":"))
        .as("one household Account per customer and guest")
        .hasSize(CUSTOMERS + GUEST_ORDERS)
        .extracting(a -> a.get("BC_Account_Key__c"))
        .doesNotHaveDuplicates();
    closeAndDeleteWorkDir();
  }

  /** A guest checkout with a name and postal code of its own (the same would send it to review). */
  private static OrderDraft guestOrder(int guest, String email, long... products) {
    Address billing = new Address();
    billing.firstName = "Guest";
    billing.lastName = "Crash" + guest;
    billing.email = email;
    billing.street1 = guest + " Side Street";
    billing.city = "Austin";
    billing.state = "Texas";
    billing.zip = "7870" + guest;
    OrderDraft draft = new OrderDraft();
    draft.billing = billing;
    for (long product : products) {
      draft.addLine(OrderDraft.Line.of(product, 1));
    }
    return draft;
  }
}
