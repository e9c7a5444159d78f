package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.salesforce.DemoEdits;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo's simulated org activity ({@code scripts/run} starts the Salesforce simulator with
 * {@code --demo-edits-seconds 20}: {@link DemoEdits}), run here for a few edits a second apart
 * against both simulators: each price edit reaches the variant and each phone edit the customer,
 * one BigCommerce write per edit, no Salesforce write, and the webhooks those writes fire come back
 * as echoes, not as work.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseDemoEditsEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "revd1";
  static final String SECRET = "revd-webhook-secret-0123456789";

  ReverseDemoEditsEndToEndTest() {
    super(STORE, SECRET, List.of(PRICEBOOK_ENTRY_CHANGES, CONTACT_CHANGES));
  }

  @Test
  void the_demo_edits_reach_the_store_once_each_and_nothing_echoes_back() {
    long kettle = store.createProduct("Kettle", "DEMO-1", new BigDecimal("30.00"));
    String product =
        sf.createAsUser("Product2", Map.of("Name", "Kettle", "ProductCode", "DEMO-1")).id();
    String entry = entry(sf.standardPricebookId(), product, "30.00");
    long ada = store.createCustomer("ada.demo@example.com", "Ada", "Demo");
    String contact = linkedContact(ada);
    settle();
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();

    List<String> made;
    try (DemoEdits demo = DemoEdits.start(sf, Duration.ofMillis(1500))) {
      await().atMost(WAIT).until(() -> demo.made().size() >= 3);
      demo.close();
      made = demo.made();
    }

    long priceEdits = made.stream().filter(m -> m.startsWith("PricebookEntry ")).count();
    long phoneEdits = made.stream().filter(m -> m.startsWith("Contact ")).count();
    assertThat(priceEdits).as("the demo takes turns: %s", made).isGreaterThanOrEqualTo(1);
    assertThat(phoneEdits).as("the demo takes turns: %s", made).isGreaterThanOrEqualTo(1);
    BigDecimal lastPrice =
        new BigDecimal(sf.record(entry).orElseThrow().get("UnitPrice").toString());
    String lastPhone = String.valueOf(sf.record(contact).orElseThrow().get("Phone"));
    await().atMost(WAIT).until(() -> price(kettle).compareTo(lastPrice) == 0);
    await().atMost(WAIT).until(() -> lastPhone.equals(phone(ada)));
    settle();

    List<RequestLog.Entry> writes = storeWrites().subList(writesBefore, storeWrites().size());
    assertThat(writes.stream().filter(e -> e.path().endsWith("/v3/catalog/variants")).count())
        .as("one variant write per price edit: %s", made)
        .isEqualTo(priceEdits);
    assertThat(writes.stream().filter(e -> e.path().endsWith("/v3/customers")).count())
        .as("one customer write per phone edit: %s", made)
        .isEqualTo(phoneEdits);
    assertThat(writes).as("nothing else is written").hasSize((int) (priceEdits + phoneEdits));
    assertThat(salesforceWrites()).as("no Salesforce write").isEqualTo(salesforceWritesBefore);
    assertThat(inspector.workItems(Optional.empty(), Optional.empty(), 500))
        .as("the webhooks of our writes came back as echoes")
        .anySatisfy(i -> assertEcho(i.entity().type(), i.status(), i.lastError(), "product"))
        .anySatisfy(i -> assertEcho(i.entity().type(), i.status(), i.lastError(), "customer"));
  }

  private static void assertEcho(String type, WorkItemStatus status, String error, String wanted) {
    assertThat(type).isEqualTo(wanted);
    assertThat(status).isEqualTo(WorkItemStatus.SKIPPED);
    assertThat(error).contains("echo");
  }
}
