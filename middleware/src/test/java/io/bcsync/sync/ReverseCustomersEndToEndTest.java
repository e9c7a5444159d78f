package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Contact → BigCommerce customer over both simulators (issue 17, T4), through the real CometD,
 * force-wsc and REST clients, with the store's webhooks delivered back to the app. The customer is
 * first synced forward (BigCommerce → a Contact linked by {@code BC_Customer_Id__c}); then a phone
 * edited in Salesforce is one {@code PUT /v3/customers} and no Salesforce write, the {@code
 * store/customer/updated} webhook our write fires is dropped as an echo, and a write whose answer
 * BigCommerce lost (LOSE_RESPONSE: done, then 504) converges on the retry.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseCustomersEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "revc1";
  static final String SECRET = "revc-webhook-secret-0123456789";

  ReverseCustomersEndToEndTest() {
    super(STORE, SECRET, List.of(CONTACT_CHANGES));
  }

  @Test
  void one_contact_phone_edit_is_one_customer_write_and_no_salesforce_write() {
    long ada = store.createCustomer("ada.phone@example.com", "Ada", "Lovelace");
    String contact = linkedContact(ada);
    settle();
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();
    int hooksBefore = store.webhookAttempts().size();
    nextSecond();

    sf.updateAsUser(contact, Map.of("Phone", "+44 20 7946 0001"));

    await().atMost(WAIT).until(() -> "+44 20 7946 0001".equals(phone(ada)));
    await()
        .atMost(WAIT)
        .until(
            () ->
                store
                    .webhookAttempts()
                    .subList(hooksBefore, store.webhookAttempts().size())
                    .stream()
                    .anyMatch(
                        a -> a.scope().equals("store/customer/updated") && a.status() == 200));
    settle();
    List<RequestLog.Entry> writes = storeWrites().subList(writesBefore, storeWrites().size());
    assertThat(writes)
        .as("exactly one BigCommerce write")
        .extracting(e -> e.method() + " " + e.path())
        .singleElement()
        .asString()
        .endsWith("PUT /v3/customers");
    assertThat(salesforceWrites()).as("no Salesforce write").isEqualTo(salesforceWritesBefore);
    assertThat(store.<String>read(s -> s.customers.get(ada).firstName))
        .as("names stay BigCommerce-owned")
        .isEqualTo("Ada");
    assertThat(inspector.workItems(Optional.empty(), Optional.empty(), 500))
        .as("the webhook of our own write was dropped as an echo")
        .anySatisfy(
            i -> {
              assertThat(i.entity().storeHash()).isEqualTo(STORE);
              assertThat(i.entity().type()).isEqualTo("customer");
              assertThat(i.entity().id()).isEqualTo(String.valueOf(ada));
              assertThat(i.status()).isEqualTo(WorkItemStatus.SKIPPED);
              assertThat(i.lastError()).contains("echo");
            });
    assertThat(registry.counter("bcsync.sync.echoes", "side", "bigcommerce").count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void a_customer_write_whose_answer_was_lost_converges_on_the_retry() {
    long bob = store.createCustomer("bob.phone@example.com", "Bob", "Lost");
    String contact = linkedContact(bob);
    settle();
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();
    nextSecond();
    store.injectFault(Fault.loseResponse(1).on("PUT", "/v3/customers"));

    sf.updateAsUser(contact, Map.of("Phone", "555-0142"));

    await().atMost(WAIT).until(() -> storeWrites().size() >= writesBefore + 2);
    settle();
    assertThat(phone(bob)).isEqualTo("555-0142");
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .as("the lost write, then its retry")
        .extracting(e -> e.method() + " " + e.status())
        .containsExactly("PUT 504", "PUT 200");
    assertThat(salesforceWrites()).as("no Salesforce write").isEqualTo(salesforceWritesBefore);
  }
}
