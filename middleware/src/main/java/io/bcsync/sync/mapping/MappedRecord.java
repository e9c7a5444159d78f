package io.bcsync.sync.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field values for one Salesforce record, ready for the writer. Fields whose source was absent are
 * left out (an upsert then keeps what Salesforce has) rather than sent as null. {@code notes} say
 * what the mapper changed or could not use (a truncation, a lookup miss), so nothing is dropped
 * silently.
 */
public record MappedRecord(String object, Map<String, Object> fields, List<String> notes) {
  public MappedRecord {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    notes = List.copyOf(notes);
  }
}
