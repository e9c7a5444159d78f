package io.bcsync.testsupport.ports;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sync.port.StoreReader.StoreAccess;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory store answers as the BigCommerce adapters do, in BigCommerce's field names. */
class InMemoryStoreTest {
  private final InMemoryStore store = new InMemoryStore();

  @Test
  void orders_read_back_in_v2_shape_with_their_lines_and_version_and_the_reads_are_recorded() {
    store.customer("s1", 5).email("ada@example.com").name("Ada", "Lovelace").save();
    store
        .order("s1", 100, 5)
        .line(1001, 7, "MUG-1", "9.95", 2)
        .modifiedAt(Instant.parse("2024-06-02T10:15:30.250Z"))
        .save();

    Map<Long, StoreDocument> read = store.orders("s1", List.of(100L, 999L));

    assertThat(read).containsOnlyKeys(100L);
    StoreDocument order = read.get(100L);
    assertThat(order.modifiedMs())
        .as("V2 dates have whole seconds")
        .isEqualTo(Instant.parse("2024-06-02T10:15:30Z").toEpochMilli());
    assertThat(order.json().path("date_modified").asText())
        .isEqualTo("Sun, 02 Jun 2024 10:15:30 +0000");
    assertThat(order.json().path("billing_address").path("email").asText())
        .as("billed to the known customer")
        .isEqualTo("ada@example.com");
    assertThat(order.json().path("products").get(0).path("total_ex_tax").asText())
        .isEqualTo("19.9000");
    assertThat(store.reads())
        .containsExactly(new InMemoryStore.Read("s1", "orders", List.of(100L, 999L)));
  }

  @Test
  void a_store_is_readable_once_it_has_anything_unless_told_otherwise() {
    assertThat(store.access("s2")).isEqualTo(StoreAccess.NOT_CONNECTED);
    store.guestOrder("s2", 1, "guest@example.com").save();
    assertThat(store.access("s2")).isEqualTo(StoreAccess.READABLE);

    store.access("s2", StoreAccess.WEBHOOKS_ONLY);

    assertThat(store.access("s2")).isEqualTo(StoreAccess.WEBHOOKS_ONLY);
  }

  @Test
  void recording_a_salesforce_id_converges_and_an_order_gone_fails_for_good() {
    store.order("s3", 7, 1).save();

    assertThat(store.recordSalesforceIds("s3", Map.of(7L, "801000000000001AAA"))).isEmpty();
    assertThat(store.recordSalesforceIds("s3", Map.of(7L, "801000000000001AAA"))).isEmpty();
    Map<Long, WriteFailure> gone =
        store.recordSalesforceIds("s3", Map.of(8L, "801000000000002AAA"));

    assertThat(store.salesforceId("s3", 7)).contains("801000000000001AAA");
    assertThat(store.writeBacks()).as("the second write changed nothing").hasSize(1);
    assertThat(gone.get(8L).retryable()).isFalse();
  }
}
