package io.bcsync.sync;

import static io.bcsync.sync.ReverseBenchFigures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.Db;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Salesforce → BigCommerce benchmark (issue 17), run by {@code scripts/bench-reverse} only
 * ({@code -Dbench.reverse=true}; skipped otherwise). Both simulators and the app in this JVM on H2,
 * as the end-to-end tests run them: 2,000 price book entry price changes, 500 stock level changes
 * and 500 Contact phone edits made in the Salesforce simulator in one burst, then a trickle of one
 * price change a second. Writes {@code bench/results/reverse.md}: BigCommerce calls per change
 * (prices and stock; customers), Salesforce calls per change, the burst's drain time, the trickle's
 * p50/p99 latency from the Salesforce change to the store holding the value, and the Salesforce
 * writes made meanwhile (echo writes: nothing here originates in BigCommerce, so every one would be
 * an echo).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "bench.reverse", matches = "true")
class ReverseBenchmark extends ReverseEndToEndTestBase {
  static final String STORE = "revb1";
  static final int PRICES = Integer.getInteger("bench.prices", 2000);
  static final int STOCK = Integer.getInteger("bench.stock", 500);
  static final int CONTACTS = Integer.getInteger("bench.contacts", 500);
  static final int TRICKLE = Integer.getInteger("bench.trickle-seconds", 30);
  static final Duration DRAIN = Duration.ofMinutes(15);

  @Inject Db db;

  ReverseBenchmark() {
    super(
        STORE,
        "revb-webhook-secret-0123456789",
        List.of(PRICEBOOK_ENTRY_CHANGES, PRODUCT_CHANGES, CONTACT_CHANGES));
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    properties.put("bcsync.salesforce.reconciliation-poll.interval", "0s");
    return properties;
  }

  @Test
  void burst_then_trickle() throws Exception {
    // Set up while nobody listens: the setup's own change events are not part of the measure.
    leader.shutdown();
    List<String> entries = new ArrayList<>();
    List<Long> priced = new ArrayList<>();
    List<String> stocked = new ArrayList<>();
    List<Long> stockedIds = new ArrayList<>();
    for (int i = 0; i < PRICES; i++) {
      boolean tracked = i < STOCK;
      long product =
          store.createProduct(
              new ObjectMapper()
                  .createObjectNode()
                  .put("name", "Bench " + i)
                  .put("type", "physical")
                  .put("sku", "BEN-" + i)
                  .put("price", 10)
                  .put("weight", 1)
                  .put("inventory_tracking", tracked ? "product" : "none")
                  .put("inventory_level", 1));
      long variant = store.read(s -> s.products.get(product).variants.get(0).id);
      String product2 =
          sf.createAsUser(
                  "Product2",
                  Map.of(
                      "Name",
                      "Bench " + i,
                      "ProductCode",
                      "BEN-" + i,
                      "BC_Variant_Key__c",
                      STORE + ":" + product + ":" + variant))
              .id();
      entries.add(
          sf.createAsUser(
                  "PricebookEntry",
                  Map.of(
                      "Pricebook2Id",
                      sf.standardPricebookId(),
                      "Product2Id",
                      product2,
                      "UnitPrice",
                      new BigDecimal("10.00"),
                      "IsActive",
                      true))
              .id());
      priced.add(product);
      if (tracked) {
        stocked.add(product2);
        stockedIds.add(product);
      }
    }
    List<Long> customers = new ArrayList<>();
    List<String> contacts = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      long customer = store.createCustomer("bench" + i + "@example.com", "Bench", "Shopper" + i);
      customers.add(customer);
      contacts.add(
          sf.createAsUser(
                  "Contact",
                  Map.of("LastName", "Shopper" + i, "BC_Customer_Id__c", STORE + ":" + customer))
              .id());
    }
    // The customers' created webhooks reach the forward sync, which links the Contacts above.
    awaitQuiet();
    db.write(
        connection -> {
          try (var delete = connection.prepareStatement("DELETE FROM streaming_replay")) {
            delete.executeUpdate();
          }
          return null;
        });
    leader = streaming.supervisor("bench-" + UUID.randomUUID());
    leader.tick();
    await()
        .atMost(WAIT)
        .until(
            () ->
                leader.client() != null
                    && leader.client().subscriptions().keySet().containsAll(channels()));

    Map<String, Long> bcBefore = new HashMap<>(store.callCounts());
    Map<String, Long> sfBefore = new HashMap<>(sf.apiCalls());
    long sfWritesBefore = salesforceWrites();
    double echoesBefore = echoes();
    Instant start = Instant.now();
    for (String entry : entries) {
      sf.updateAsUser(entry, Map.of("UnitPrice", new BigDecimal("11.00")));
    }
    for (int i = 0; i < stocked.size(); i++) {
      sf.updateAsUser(stocked.get(i), Map.of("BC_Inventory_Level__c", 7));
    }
    for (String contact : contacts) {
      sf.updateAsUser(contact, Map.of("Phone", "555-0123"));
    }
    Duration made = Duration.between(start, Instant.now());
    boolean drained =
        until(
            () ->
                store.<Boolean>read(
                    s ->
                        priced.stream()
                                .allMatch(
                                    p ->
                                        s.products.get(p).variants.get(0).price != null
                                            && s.products
                                                    .get(p)
                                                    .variants
                                                    .get(0)
                                                    .price
                                                    .compareTo(new BigDecimal("11"))
                                                == 0)
                            && stockedIds.stream()
                                .allMatch(p -> s.products.get(p).inventoryLevel == 7)
                            && customers.stream()
                                .allMatch(c -> "555-0123".equals(s.customers.get(c).phone))),
            DRAIN);
    Duration drain = Duration.between(start, Instant.now());
    awaitQuiet();
    Map<String, Long> bcCalls = delta(bcBefore, store.callCounts());
    long customerCalls =
        bcCalls.entrySet().stream()
            .filter(e -> e.getKey().contains("/customers"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long catalogCalls = bcCalls.values().stream().mapToLong(Long::longValue).sum() - customerCalls;
    Map<String, Long> sfByCall = delta(sfBefore, sf.apiCalls());
    long sfCalls = salesforceCalls(sfByCall);
    long echoWrites = salesforceWrites() - sfWritesBefore;
    long echoesDropped = (long) (echoes() - echoesBefore);

    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < TRICKLE; i++) {
      int index = i % entries.size();
      BigDecimal price = new BigDecimal("20.00").add(BigDecimal.valueOf(i));
      long product = priced.get(index);
      Instant changed = Instant.now();
      sf.updateAsUser(entries.get(index), Map.of("UnitPrice", price));
      if (until(() -> priceOf(product).compareTo(price) == 0, WAIT)) {
        latencies.add(Duration.between(changed, Instant.now()).toMillis());
      }
      long rest = 1000 - Duration.between(changed, Instant.now()).toMillis();
      if (rest > 0) {
        Thread.sleep(rest);
      }
    }
    awaitQuiet();
    Collections.sort(latencies);

    int changes = PRICES + STOCK + CONTACTS;
    String report =
        results(
            made,
            drain,
            drained,
            catalogCalls,
            customerCalls,
            bcCalls,
            sfCalls,
            sfByCall,
            echoWrites,
            echoesDropped,
            latencies);
    Path out = Path.of(System.getProperty("bench.output", "../bench/results/reverse.md"));
    Files.writeString(out, report);
    System.out.println(report);
    assertThat(drained).as("the burst drained within " + DRAIN).isTrue();
    assertThat(changes).isPositive();
  }

  private String results(
      Duration made,
      Duration drain,
      boolean drained,
      long catalogCalls,
      long customerCalls,
      Map<String, Long> bcCalls,
      long sfCalls,
      Map<String, Long> sfByCall,
      long echoWrites,
      long echoesDropped,
      List<Long> latencies) {
    int catalogChanges = PRICES + STOCK;
    int changes = catalogChanges + CONTACTS;
    StringBuilder md = new StringBuilder();
    md.append("# Salesforce → BigCommerce benchmark (issue 17)\n\n")
        .append("Run by `scripts/bench-reverse` (`ReverseBenchmark`) on ")
        .append(Instant.now())
        .append(
            ". Both simulators and the middleware in one JVM on embedded H2, simulators at their")
        .append(" default latency; 2 cores, load average at the start: ")
        .append(System.getProperty("bench.loadavg", "unknown"))
        .append(" (a loaded host makes the times pessimistic; call counts are not affected).\n\n")
        .append("| Measure | Goal | Result |\n|---|---|---|\n")
        .append(
            row(
                "Burst",
                "",
                PRICES
                    + " price changes, "
                    + STOCK
                    + " stock changes, "
                    + CONTACTS
                    + " Contact phone edits, made in "
                    + made.toMillis()
                    + " ms"))
        .append(
            row(
                "BigCommerce calls per price/stock change",
                "≤ 0.03",
                ratio(catalogCalls, catalogChanges) + " (" + catalogCalls + " calls)"))
        .append(
            row(
                "BigCommerce calls per Contact edit",
                "≤ 0.12",
                ratio(customerCalls, CONTACTS) + " (" + customerCalls + " calls)"))
        .append(
            row(
                "Salesforce calls per change",
                "≤ 0.01",
                ratio(sfCalls, changes) + " (" + sfCalls + " calls)"))
        .append(
            row(
                "Burst drain (first change made → store holds every value)",
                "",
                drained
                    ? drain.toMillis() + " ms"
                    : "NOT DRAINED after " + drain.toMillis() + " ms"))
        .append(
            row(
                "Trickle latency p50 (change → store holds it)",
                "< 1 s",
                percentile(latencies, 50) + " ms"))
        .append(
            row(
                "Trickle latency p99",
                "",
                percentile(latencies, 99)
                    + " ms ("
                    + latencies.size()
                    + " of "
                    + TRICKLE
                    + " changes seen)"))
        .append(
            row(
                "Echo writes (Salesforce writes during the burst)",
                "0",
                String.valueOf(echoWrites)))
        .append(row("Webhooks of our writes dropped as echoes", "", String.valueOf(echoesDropped)))
        .append("\nBigCommerce calls in the burst, by route:\n\n| Route | Calls |\n|---|---|\n");
    bcCalls.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                md.append("| `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(e.getValue())
                    .append(" |\n"));
    md.append(
        "\nSalesforce calls in the burst, by operation (and by object where the call names"
            + " one):\n\n| Call | Calls |\n|---|---|\n");
    sfByCall.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                md.append("| `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(e.getValue())
                    .append(" |\n"));
    return md.toString();
  }

  /**
   * The simulator counts each call under its operation ({@code query}) and again under operation
   * and object ({@code query PricebookEntry}): the calls are the operations' counts.
   */
  private static long salesforceCalls(Map<String, Long> byCall) {
    return byCall.entrySet().stream()
        .filter(e -> !e.getKey().contains(" "))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private BigDecimal priceOf(long productId) {
    BigDecimal price = store.read(s -> s.products.get(productId).variants.get(0).price);
    return price == null ? BigDecimal.ZERO : price;
  }

  /** Every webhook handled and every item ended, twice in a row a second apart. */
  private void awaitQuiet() {
    await()
        .atMost(DRAIN)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              int fired = store.webhookAttempts().size();
              List<WorkItem> items = inspector.workItems(Optional.empty(), Optional.empty(), 500);
              return items.stream()
                      .allMatch(
                          i ->
                              i.status() == WorkItemStatus.DONE
                                  || i.status() == WorkItemStatus.SKIPPED
                                  || i.status() == WorkItemStatus.DEAD)
                  && fired == store.webhookAttempts().size();
            });
  }
}
