package io.bcsync.salesforce.writer;

import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records of one object, operation and external id field cut into calls of at most {@code size}
 * records, never with one external id twice in an upsert call: Salesforce fails every record naming
 * it ("DUPLICATE_VALUE: Duplicate external id specified", ../shared/reference/salesforce.md G). A
 * repeated key goes to a later call than its first occurrence, so the writes of one key are applied
 * in the order given.
 */
final class CallChunks {
  private CallChunks() {}

  static List<List<RecordWrite>> split(List<RecordWrite> records, int size) {
    List<List<RecordWrite>> chunks = new ArrayList<>();
    Map<String, Integer> lastChunk = new HashMap<>();
    for (RecordWrite write : records) {
      String key = key(write);
      int from = key == null ? 0 : lastChunk.getOrDefault(key, -1) + 1;
      int target = from;
      while (target < chunks.size() && chunks.get(target).size() >= size) {
        target++;
      }
      if (target == chunks.size()) {
        chunks.add(new ArrayList<>());
      }
      chunks.get(target).add(write);
      if (key != null) {
        lastChunk.put(key, target);
      }
    }
    return chunks;
  }

  /** Package external ids are case-insensitive ("ABC" and "abc" are one key). */
  private static String key(RecordWrite write) {
    if (write.operation() != WriteOperation.UPSERT) {
      return null;
    }
    Object value = write.fields().get(write.externalIdField());
    return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
  }
}
