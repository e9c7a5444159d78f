package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sync.review.Reviews;
import io.bcsync.testsupport.ports.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's needs merged into one entry per customer, so each is matched and written once. */
class BatchCustomerTest {
  static final String STORE = "merge1";

  private final InMemoryStore store = new InMemoryStore();

  @Test
  void the_items_naming_one_customer_merge_and_its_own_record_owns_the_writes() {
    CustomerNeed firstOrder = order(11, 100, 5);
    CustomerNeed record = customer(12, 5);
    CustomerNeed secondOrder = order(13, 101, 5);

    List<BatchCustomer> merged = BatchCustomer.merge(List.of(firstOrder, record, secondOrder));

    assertThat(merged)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("customer:5");
              assertThat(c.owner()).as("the customer item").isEqualTo(12);
              assertThat(c.ref().fromCustomerRecord()).isTrue();
              assertThat(c.forOrder()).isTrue();
              assertThat(c.customerItem()).isTrue();
              assertThat(c.needs()).containsExactly(firstOrder, record, secondOrder);
              assertThat(c.held())
                  .containsExactly(
                      new Reviews.Held("order", "100"),
                      new Reviews.Held("customer", "5"),
                      new Reviews.Held("order", "101"));
            });
  }

  @Test
  void orders_alone_are_owned_by_the_first_one_and_need_a_contact() {
    List<BatchCustomer> merged = BatchCustomer.merge(List.of(order(21, 200, 6), order(22, 201, 6)));

    assertThat(merged)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.owner()).isEqualTo(21);
              assertThat(c.forOrder()).isTrue();
              assertThat(c.customerItem()).isFalse();
              assertThat(c.linked()).isFalse();
            });
  }

  @Test
  void guest_orders_of_one_email_whatever_its_case_are_one_customer_and_others_stay_apart() {
    List<BatchCustomer> merged =
        BatchCustomer.merge(
            List.of(
                guestOrder(31, 300, "Guest@Example.com"),
                customer(32, 7),
                guestOrder(33, 301, " guest@example.COM "),
                guestOrder(34, 302, "other@example.com")));

    assertThat(merged)
        .as("in first-seen order")
        .extracting(BatchCustomer::owner)
        .containsExactly(31L, 32L, 34L);
    assertThat(merged.get(0).needs()).hasSize(2);
    assertThat(merged.get(0).ref().isGuest()).isTrue();
    assertThat(merged.get(0).key()).doesNotContain("example");
  }

  private CustomerNeed customer(long itemId, long customerId) {
    var document = store.customer(STORE, customerId).document();
    return new CustomerNeed(
        CustomerRef.ofCustomer(STORE, document.json(), document.modifiedMs()), itemId, false);
  }

  private CustomerNeed order(long itemId, long orderId, long customerId) {
    var document = store.order(STORE, orderId, customerId).document();
    return new CustomerNeed(
        CustomerRef.ofOrder(STORE, document.json()).orElseThrow(), itemId, true);
  }

  private CustomerNeed guestOrder(long itemId, long orderId, String email) {
    var document = store.guestOrder(STORE, orderId, email).document();
    return new CustomerNeed(
        CustomerRef.ofOrder(STORE, document.json()).orElseThrow(), itemId, true);
  }
}
