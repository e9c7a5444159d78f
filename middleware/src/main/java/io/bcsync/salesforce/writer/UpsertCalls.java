package io.bcsync.salesforce.writer;

import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits the records of one object, operation and key field into calls of at most {@code
 * batchSize}. An upsert call never names the same external id twice: Salesforce would fail every
 * record naming it with DUPLICATE_VALUE "Duplicate external id specified"
 * (../shared/reference/salesforce.md G). A repeated key goes into a later call than its previous
 * occurrence, so the writes are applied in the caller's order and the last one wins, and each
 * record keeps its own result. Keys are compared case-insensitively: a case-insensitive unique
 * field treats "ABC" and "abc" as one key, and an extra call costs less than two failures.
 */
public final class UpsertCalls {
  private UpsertCalls() {}

  public static List<List<RecordWrite>> split(List<RecordWrite> records, int batchSize) {
    List<List<RecordWrite>> calls = new ArrayList<>();
    Map<String, Integer> lastCallOfKey = new HashMap<>();
    int firstWithRoom = 0;
    for (RecordWrite write : records) {
      String key = key(write);
      int from = key == null ? firstWithRoom : Math.max(firstWithRoom, next(lastCallOfKey, key));
      int target = from;
      while (target < calls.size() && calls.get(target).size() >= batchSize) {
        target++;
      }
      if (target == calls.size()) {
        calls.add(new ArrayList<>());
      }
      calls.get(target).add(write);
      if (key != null) {
        lastCallOfKey.put(key, target);
      }
      while (firstWithRoom < calls.size() && calls.get(firstWithRoom).size() >= batchSize) {
        firstWithRoom++;
      }
    }
    return calls;
  }

  private static int next(Map<String, Integer> lastCallOfKey, String key) {
    Integer last = lastCallOfKey.get(key);
    return last == null ? 0 : last + 1;
  }

  private static String key(RecordWrite write) {
    if (write.operation() != WriteOperation.UPSERT) {
      return null;
    }
    Object value = write.fields().get(write.externalIdField());
    return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
  }
}
