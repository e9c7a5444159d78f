package io.bcsync.sync.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * A validated mapping, the only form {@link SyncMapper} accepts: obtained from {@link
 * SyncConfigLoader}, never built by hand, so an unchecked mapping cannot reach Salesforce.
 */
public final class SyncMapping {
  private final Map<String, ResolvedObject> objects;
  private final Map<String, Map<String, String>> lookups;

  SyncMapping(Map<String, ResolvedObject> objects, Map<String, Map<String, String>> lookups) {
    this.objects = Map.copyOf(objects);
    this.lookups = Map.copyOf(lookups);
  }

  public Optional<ResolvedObject> object(String name) {
    return Optional.ofNullable(objects.get(name));
  }

  public Map<String, ResolvedObject> objects() {
    return objects;
  }

  /**
   * The {@code order_line} object whose parent is {@code orderObject} (OrderItem for Order), if
   * any.
   */
  public Optional<ResolvedObject> linesOf(String orderObject) {
    return objects.values().stream()
        .filter(object -> object.mapping().source() == SourceKind.ORDER_LINE)
        .filter(object -> orderObject.equals(object.mapping().parent()))
        .findFirst();
  }

  Map<String, String> lookup(String name) {
    return lookups.get(name);
  }
}
