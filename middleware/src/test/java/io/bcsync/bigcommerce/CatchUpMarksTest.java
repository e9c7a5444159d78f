package io.bcsync.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.bigcommerce.catchup.SyncCursors;
import io.bcsync.bigcommerce.reading.EntityVersions;
import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catch-up poll's marks: high-water marks and read versions only move forwards. Runs on H2;
 * {@code CatchUpMarksMariaDbTest} runs every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatchUpMarksTest extends DatabaseTest {
  @Inject SyncCursors cursors;
  @Inject EntityVersions versions;

  private String store;

  @BeforeEach
  void newStore() {
    store = "marks" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_high_water_mark_never_moves_backwards_but_the_poll_time_does_follow() {
    assertThat(cursors.highWater(store, "orders")).isEmpty();
    assertThat(cursors.lastPolledAt(store)).isEmpty();

    cursors.save(store, "orders", 500, 1_000);
    cursors.save(store, "orders", 400, 2_000);
    cursors.save(store, "customers", 50, 1_500);

    assertThat(cursors.highWater(store, "orders")).contains(500L);
    assertThat(cursors.highWater(store, "customers")).contains(50L);
    assertThat(cursors.lastPolledAt(store)).contains(2_000L);
  }

  @Test
  void a_read_version_never_moves_backwards() {
    versions.recordRead(store, "order", Map.of("1", 100L, "2", 200L));
    versions.recordRead(store, "order", Map.of("1", 50L, "2", 300L));

    assertThat(versions.lastRead(store, "order", List.of("1", "2", "3")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("1", 100L, "2", 300L));
    assertThat(versions.lastRead(store, "customer", List.of("1"))).isEmpty();
  }

  @Test
  void versions_of_more_entities_than_one_statement_takes_are_all_found() {
    Map<String, Long> read = new LinkedHashMap<>();
    IntStream.range(0, 1_234).forEach(i -> read.put(String.valueOf(i), 1_000L + i));
    versions.recordRead(store, "product", read);

    assertThat(versions.lastRead(store, "product", read.keySet()))
        .containsExactlyInAnyOrderEntriesOf(read);
  }
}
