package io.bcsync.salesforce.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sync.port.RecordWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calls of at most N records, never one external id twice in an upsert call, repeats in order. */
class CallChunksTest {
  private static RecordWrite upsert(long item, String key) {
    return RecordWrite.upsert(
        item, "Contact", "BC_Customer_Id__c", Map.of("BC_Customer_Id__c", key));
  }

  private static List<Object> keys(List<RecordWrite> chunk) {
    return chunk.stream().map(w -> w.fields().get("BC_Customer_Id__c")).toList();
  }

  @Test
  void distinct_keys_fill_calls_of_the_given_size_in_order() {
    List<RecordWrite> writes = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      writes.add(upsert(i, "k" + i));
    }

    List<List<RecordWrite>> chunks = CallChunks.split(writes, 200);

    assertThat(chunks).extracting(List::size).containsExactly(200, 200, 50);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(writes);
  }

  @Test
  void a_repeated_key_goes_to_a_later_call_than_its_previous_occurrence() {
    List<RecordWrite> writes =
        List.of(upsert(1, "a"), upsert(2, "b"), upsert(3, "A"), upsert(4, "c"), upsert(5, "a"));

    List<List<RecordWrite>> chunks = CallChunks.split(writes, 200);

    assertThat(chunks).hasSize(3);
    assertThat(keys(chunks.get(0))).containsExactly("a", "b", "c");
    assertThat(keys(chunks.get(1))).containsExactly("A");
    assertThat(keys(chunks.get(2))).containsExactly("a");
  }

  @Test
  void creates_and_updates_have_no_key_to_repeat() {
    List<RecordWrite> writes =
        List.of(
            RecordWrite.create(1, "Contact", Map.of("LastName", "X")),
            RecordWrite.create(2, "Contact", Map.of("LastName", "X")));

    assertThat(CallChunks.split(writes, 200))
        .singleElement()
        .satisfies(c -> assertThat(c).hasSize(2));
  }
}
