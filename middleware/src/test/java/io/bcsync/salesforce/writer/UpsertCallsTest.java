package io.bcsync.salesforce.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sync.port.RecordWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An upsert call never names one external id twice (Salesforce fails both records with
 * DUPLICATE_VALUE, ../shared/reference/salesforce.md G).
 */
class UpsertCallsTest {
  private static RecordWrite upsert(long item, String key) {
    return RecordWrite.upsert(item, "Contact", "Key__c", Map.of("Key__c", key));
  }

  private static List<List<Long>> items(List<List<RecordWrite>> calls) {
    return calls.stream().map(c -> c.stream().map(RecordWrite::workItemId).toList()).toList();
  }

  @Test
  void distinct_keys_fill_calls_up_to_the_batch_size_in_order() {
    List<RecordWrite> writes = new ArrayList<>();
    for (long i = 1; i <= 5; i++) {
      writes.add(upsert(i, "k" + i));
    }
    assertThat(items(UpsertCalls.split(writes, 2)))
        .containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
  }

  @Test
  void a_repeated_key_goes_to_a_later_call_than_its_previous_occurrence() {
    List<RecordWrite> writes =
        List.of(upsert(1, "a"), upsert(2, "b"), upsert(3, "A"), upsert(4, "c"), upsert(5, "a"));

    List<List<RecordWrite>> calls = UpsertCalls.split(writes, 200);

    assertThat(items(calls)).containsExactly(List.of(1L, 2L, 4L), List.of(3L), List.of(5L));
  }

  @Test
  void updates_and_creates_are_only_chunked() {
    List<RecordWrite> writes =
        List.of(
            RecordWrite.update(1, "Contact", Map.of("Id", "003x")),
            RecordWrite.update(2, "Contact", Map.of("Id", "003x")));
    assertThat(items(UpsertCalls.split(writes, 200))).containsExactly(List.of(1L, 2L));
  }
}
