package io.bcsync.sync.mapping;

import java.util.List;

/**
 * A validated object mapping: every field exists in the schema and every required field is covered.
 */
public record ResolvedObject(ObjectMapping mapping, List<ResolvedField> fields) {
  public ResolvedObject {
    fields = List.copyOf(fields);
  }

  public String object() {
    return mapping.object();
  }
}
