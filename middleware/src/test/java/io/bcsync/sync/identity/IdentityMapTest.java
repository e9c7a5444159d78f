package io.bcsync.sync.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The identity map's rows: replaced by later writes (keeping how a customer was first matched),
 * found by id or parent across IN-list chunks, deleted only while they still point at the deleted
 * record. Runs on H2; {@code IdentityMapMariaDbTest} runs every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityMapTest extends DatabaseTest {
  @Inject IdentityMap identities;

  private String store;

  @BeforeEach
  void newStore() {
    store = "id" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_later_write_replaces_the_row_but_keeps_how_the_customer_was_matched() {
    identities.save(
        List.of(
            new Identity(store, "customer", "5", "Contact", "003A", "001A", null, 100L, "email")));
    identities.save(
        List.of(new Identity(store, "customer", "5", "Contact", "003B", "001B", null, 200L)));

    Identity found = identities.find(store, "customer", List.of("5", "6")).get("5");
    assertThat(found)
        .isEqualTo(
            new Identity(store, "customer", "5", "Contact", "003B", "001B", null, 200L, "email"));
    assertThat(identities.find(store, "customer", List.of("6"))).isEmpty();
  }

  @Test
  void a_row_saved_as_new_that_another_writer_stored_meanwhile_is_updated_not_lost() {
    identities.save(
        List.of(new Identity(store, "order", "7", "Order", "801A", null, null, 100L, null)));

    identities.saveNew(
        List.of(
            new Identity(store, "order", "7", "Order", "801B", null, null, 200L),
            new Identity(store, "order", "8", "Order", "801C", null, null, 300L)));

    Map<String, Identity> found = identities.find(store, "order", List.of("7", "8"));
    assertThat(found.get("7").sfId()).as("the race's loser writes through").isEqualTo("801B");
    assertThat(found.get("7").bcModifiedMs()).isEqualTo(200L);
    assertThat(found.get("8").sfId()).isEqualTo("801C");
    assertThat(identities.bySalesforceId("801C"))
        .extracting(Identity::bcId)
        .as("found again by its Salesforce record")
        .containsExactly("8");
  }

  @Test
  void new_rows_saved_together_are_all_stored_and_found_by_id_and_parent() {
    List<Identity> lines =
        IntStream.range(0, 450)
            .mapToObj(
                i ->
                    new Identity(
                        store,
                        "order_line",
                        "n" + i,
                        "OrderItem",
                        "802" + i,
                        null,
                        "o" + (i % 3),
                        (long) i))
            .toList();

    identities.saveNew(lines);

    assertThat(identities.find(store, "order_line", lines.stream().map(Identity::bcId).toList()))
        .hasSize(450)
        .containsEntry("n449", lines.get(449));
    assertThat(identities.children(store, "order_line", List.of("o0", "o1", "o2")).get("o2"))
        .hasSize(150);
  }

  @Test
  void rows_and_children_are_found_across_more_ids_than_one_statement_takes() {
    List<Identity> lines =
        IntStream.range(0, 1_100)
            .mapToObj(
                i ->
                    new Identity(
                        store,
                        "order_line",
                        "line" + i,
                        "OpportunityLineItem",
                        "00k" + i,
                        null,
                        "order" + (i % 600),
                        null))
            .toList();
    identities.save(lines);

    List<String> lineIds = lines.stream().map(Identity::bcId).toList();
    assertThat(identities.find(store, "order_line", lineIds)).hasSize(1_100);
    Map<String, List<Identity>> byOrder =
        identities.children(
            store, "order_line", IntStream.range(0, 600).mapToObj(i -> "order" + i).toList());
    assertThat(byOrder).hasSize(600);
    assertThat(byOrder.get("order7"))
        .extracting(Identity::bcId)
        .containsExactlyInAnyOrder("line7", "line607");
  }

  @Test
  void a_deleted_record_removes_its_row_only_while_the_row_still_points_at_it() {
    Identity replaced =
        new Identity(store, "order_line", "1", "OpportunityLineItem", "00kOLD", null, "9", null);
    Identity kept =
        new Identity(store, "order_line", "2", "OpportunityLineItem", "00kTWO", null, "9", null);
    identities.save(List.of(replaced, kept));
    identities.save(
        List.of(
            new Identity(
                store, "order_line", "1", "OpportunityLineItem", "00kNEW", null, "9", null)));

    identities.deleteRecords(store, "order_line", List.of(replaced, kept));

    assertThat(identities.find(store, "order_line", List.of("1", "2")))
        .containsOnlyKeys("1")
        .hasEntrySatisfying("1", row -> assertThat(row.sfId()).isEqualTo("00kNEW"));
  }
}
