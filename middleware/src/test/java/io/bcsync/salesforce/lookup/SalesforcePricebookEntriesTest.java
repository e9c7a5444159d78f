package io.bcsync.salesforce.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.bcsync.config.SalesforceLookupConfig;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.writer.SalesforceWriter;
import io.bcsync.sync.catalog.PricebookEntries;
import io.bcsync.sync.catalog.ProductLine;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import io.bcsync.testsupport.SimulatedOrgTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Products and price book entries ensured in batches, then answered from memory. */
@MicronautTest(transactional = false)
class SalesforcePricebookEntriesTest extends SimulatedOrgTest {

  @Inject PricebookEntries entries;
  @Inject SalesforceConnector connector;
  @Inject SalesforceWriter writer;

  @AfterEach
  void resetCounts() {
    sim.resetApiCalls();
  }

  private static List<ProductLine> lines(String store, int from, int to) {
    List<ProductLine> lines = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      lines.add(
          new ProductLine(
              store, i, 100 + i, "SKU-" + i, "Product " + i, new BigDecimal("9.99"), "USD"));
    }
    return lines;
  }

  /** A new active custom price book, made by an admin. */
  private String customBook() {
    return sim.createAsUser(
            "Pricebook2", Map.of("Name", "Wholesale " + UUID.randomUUID(), "IsActive", true))
        .id();
  }

  private static SalesforceLookupConfig orderingFrom(String pricebookId) {
    return new SalesforceLookupConfig(pricebookId, null, "Closed - Converted", 100);
  }

  private long calls() {
    return sim.apiCalls().entrySet().stream()
        .filter(e -> !e.getKey().contains(" "))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  @Test
  void a_new_batch_costs_a_few_calls_and_the_same_products_again_cost_none() throws Exception {
    String store = "s" + UUID.randomUUID().toString().substring(0, 6);
    List<ProductLine> batch = lines(store, 1, 250);
    entries
        .orderPricebookId(); // the standard book is looked up once, outside what is counted below
    sim.resetApiCalls();

    Map<String, String> ids = entries.ensure(batch);

    assertThat(ids).hasSize(250);
    // product query, 2 upserts (200 + 50), 2 entry creates; no entry query for products created
    // just now
    assertThat(calls()).isEqualTo(5);
    assertThat(sim.apiCallCount("upsert", "Product2")).isEqualTo(2);
    assertThat(sim.apiCallCount("create", "PricebookEntry")).isEqualTo(2);
    Map<String, Object> entry = sim.record(ids.get(store + ":7:107")).orElseThrow();
    assertThat(entry)
        .containsEntry("Pricebook2Id", sim.standardPricebookId())
        .containsEntry("IsActive", true);
    Map<String, Object> product = sim.record((String) entry.get("Product2Id")).orElseThrow();
    assertThat(product)
        .containsEntry("ProductCode", "SKU-7")
        .containsEntry("Name", "Product 7")
        .containsEntry("IsActive", true)
        .containsEntry("BC_Variant_Key__c", store + ":7:107");

    sim.resetApiCalls();
    assertThat(entries.ensure(batch)).isEqualTo(ids);
    assertThat(calls()).isZero();
  }

  @Test
  void known_and_unknown_products_mixed_and_inactive_entries_activated() throws Exception {
    String store = "m" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, String> known = entries.ensure(lines(store, 1, 3));
    // created outside bcsync: a product with an inactive standard entry, and one without any entry
    String outside =
        sim.createAsUser(
                "Product2",
                Map.of("Name", "Old", "IsActive", true, "BC_Variant_Key__c", store + ":4:104"))
            .id();
    String inactive =
        sim.createAsUser(
                "PricebookEntry",
                Map.of(
                    "Pricebook2Id",
                    sim.standardPricebookId(),
                    "Product2Id",
                    outside,
                    "UnitPrice",
                    5,
                    "IsActive",
                    false))
            .id();
    String bare =
        sim.createAsUser(
                "Product2",
                Map.of("Name", "Bare", "IsActive", true, "BC_Variant_Key__c", store + ":5:105"))
            .id();
    sim.resetApiCalls();

    Map<String, String> ids = entries.ensure(lines(store, 1, 6));

    assertThat(ids)
        .hasSize(6)
        .containsAllEntriesOf(known)
        .containsEntry(store + ":4:104", inactive);
    assertThat(sim.record(inactive).orElseThrow()).containsEntry("IsActive", true);
    assertThat(sim.record(ids.get(store + ":5:105")).orElseThrow())
        .containsEntry("Product2Id", bare);
    // product query, upsert of product 6, entry query, one create (5 and 6) and one update (4)
    assertThat(calls()).isEqualTo(5);
    assertThat(sim.apiCallCount("upsert", "Product2")).isEqualTo(1);
  }

  @Test
  void a_custom_price_book_gets_the_standard_entry_first() throws Exception {
    String book = customBook();
    var custom = new SalesforcePricebookEntries(connector, writer, orderingFrom(book));
    String store = "c" + UUID.randomUUID().toString().substring(0, 6);

    Map<String, String> ids = custom.ensure(lines(store, 1, 2));

    assertThat(custom.orderPricebookId()).isEqualTo(book);
    for (String entryId : ids.values()) {
      Map<String, Object> entry = sim.record(entryId).orElseThrow();
      assertThat(entry).containsEntry("Pricebook2Id", book).containsEntry("IsActive", true);
      long standardEntries =
          sim.records("PricebookEntry").stream()
              .filter(e -> e.get("Product2Id").equals(entry.get("Product2Id")))
              .filter(e -> sim.standardPricebookId().equals(e.get("Pricebook2Id")))
              .count();
      assertThat(standardEntries).isEqualTo(1);
    }
    assertThat(sim.apiCallCount("create", "PricebookEntry"))
        .isEqualTo(2); // standard book, then the custom one
  }

  /**
   * Two instances are not serialised with each other: the other one ensures the same new products
   * after this batch's product query and upsert (which created them, so this batch reads no
   * entries) and before its entry creates. Salesforce refuses those creates with DUPLICATE_VALUE;
   * the batch reads the entries again and uses them, in both books, instead of failing every order
   * of it.
   */
  @Test
  void entries_another_instance_created_meanwhile_are_used_instead_of_failing() throws Exception {
    String book = customBook();
    SalesforceLookupConfig config = orderingFrom(book);
    PricebookEntries otherInstance = new SalesforcePricebookEntries(connector, writer, config);
    String store = "r" + UUID.randomUUID().toString().substring(0, 6);
    List<ProductLine> batch = lines(store, 1, 3);
    Map<String, String> otherIds = new HashMap<>();
    AtomicInteger races = new AtomicInteger();
    SalesforceWriter racing = mock(SalesforceWriter.class);
    when(racing.write(anyList()))
        .thenAnswer(
            call -> {
              List<RecordWrite> writes = call.getArgument(0);
              boolean createsEntries =
                  writes.stream()
                      .anyMatch(
                          w ->
                              w.operation() == WriteOperation.CREATE
                                  && w.sobjectType().equals("PricebookEntry"));
              if (createsEntries && races.getAndIncrement() == 0) {
                otherIds.putAll(otherInstance.ensure(batch));
              }
              return writer.write(writes);
            });
    PricebookEntries thisInstance = new SalesforcePricebookEntries(connector, racing, config);

    Map<String, String> ids = thisInstance.ensure(batch);

    assertThat(races.get()).as("the other instance ran between lookup and create").isPositive();
    assertThat(otherIds).hasSize(3);
    assertThat(ids).isEqualTo(otherIds);
    for (String entryId : ids.values()) {
      Object product = sim.record(entryId).orElseThrow().get("Product2Id");
      for (String pricebook : List.of(book, sim.standardPricebookId())) {
        assertThat(
                sim.records("PricebookEntry").stream()
                    .filter(e -> product.equals(e.get("Product2Id")))
                    .filter(e -> pricebook.equals(e.get("Pricebook2Id")))
                    .count())
            .as("entries of %s in %s", product, pricebook)
            .isEqualTo(1);
      }
    }
  }
}
