package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A guest's Contact is created, not upserted. When Salesforce created it but the answer was lost,
 * the retry must find it rather than create a second one: through the e-mail rule where it is on
 * (store {@value #DEFAULTS}), else by the guest's household Account (store {@value #NO_EMAIL},
 * whose matching has no e-mail rule).
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestsAfterLostResponsesTest implements TestPropertyProvider {
  static final String DEFAULTS = "gst1";
  static final String NO_EMAIL = "gst2";

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;

  private final AtomicLong itemIds = new AtomicLong(7_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties =
        InMemoryPorts.withStore(InMemoryPorts.properties(), DEFAULTS, "orders:\n  target: Order\n");
    return InMemoryPorts.withStore(
        properties, NO_EMAIL, "matching:\n  rules: [external_id, phone]\n");
  }

  @Test
  void without_the_email_rule_a_guest_contact_created_before_is_found_on_its_household_account()
      throws Exception {
    store
        .guestOrder(NO_EMAIL, 701, "lost.guest@example.com")
        .line(70101, 7, "MUG-1", "9.95", 1)
        .save();
    org.loseResponseOfNext("create", "Contact");

    WorkItem first = item(NO_EMAIL, 701);
    assertThat(flow.run(List.of(first)).get(first.id()))
        .isInstanceOfSatisfying(Outcome.Failure.class, f -> assertThat(f.permanent()).isFalse());
    assertThat(org.where("Contact", "Email", "lost.guest@example.com"))
        .as("created, although the answer was lost")
        .hasSize(1);

    assertThat(flow.run(List.of(item(NO_EMAIL, 701))).values()).containsOnly(Outcome.SUCCESS);

    Map<String, Object> contact = org.one("Contact", "Email", "lost.guest@example.com");
    assertThat(org.one("Order", "BC_Order_Id__c", NO_EMAIL + ":701"))
        .containsEntry("BC_Contact__c", contact.get("Id"))
        .containsEntry("AccountId", contact.get("AccountId"));

    store
        .guestOrder(NO_EMAIL, 702, "Lost.Guest@example.com")
        .line(70201, 8, "LAMP-1", "40.00", 1)
        .save();
    assertThat(flow.run(List.of(item(NO_EMAIL, 702))).values()).containsOnly(Outcome.SUCCESS);
    assertThat(org.where("Contact", "Email", "lost.guest@example.com"))
        .as("linked now: the next order of the guest writes through the link")
        .hasSize(1);
  }

  @Test
  void with_the_email_rule_the_retry_finds_the_guest_contact_by_email() throws Exception {
    store
        .guestOrder(DEFAULTS, 711, "lost.default@example.com")
        .line(71101, 7, "MUG-1", "9.95", 1)
        .save();
    org.loseResponseOfNext("create", "Contact");
    WorkItem first = item(DEFAULTS, 711);
    assertThat(flow.run(List.of(first)).get(first.id())).isInstanceOf(Outcome.Failure.class);

    assertThat(flow.run(List.of(item(DEFAULTS, 711))).values()).containsOnly(Outcome.SUCCESS);

    Map<String, Object> contact = org.one("Contact", "Email", "lost.default@example.com");
    assertThat(org.one("Order", "BC_Order_Id__c", DEFAULTS + ":711"))
        .containsEntry("BC_Contact__c", contact.get("Id"));
  }

  private WorkItem item(String storeHash, long orderId) {
    return WorkItems.item(itemIds.incrementAndGet(), storeHash, "order", orderId);
  }
}
