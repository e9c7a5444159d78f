package io.bcsync.sync.customers;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.sync.mapping.SalesforceSchema;
import io.bcsync.sync.port.StoreReader;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer group names per store, read with {@code GET /v2/customer_groups} at a store's first
 * customer in a group and again when a group id is not known (a new group), at most once a minute:
 * a store has a handful of groups, so customers cost no call.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class CustomerGroups implements GroupNames {
  public static final String FIELD = "BC_Customer_Group_Name__c";
  static final Duration REFRESH = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(CustomerGroups.class);

  private record Names(Map<Long, String> byId, long readAtMs) {}

  private final StoreReader store;
  private final Clock clock;
  private final Set<String> objects;
  private final Map<String, Names> byStore = new ConcurrentHashMap<>();

  public CustomerGroups(StoreReader store, SalesforceSchema schema, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.objects =
        List.of("Contact", "Account").stream()
            .filter(o -> schema.object(o).flatMap(s -> s.field(FIELD)).isPresent())
            .collect(Collectors.toSet());
    if (objects.size() < 2) {
      LOG.warn(
          "The org's Contact or Account lacks {}: customer group names are written only to {}",
          FIELD,
          objects.isEmpty() ? "neither" : objects);
    }
  }

  @Override
  public void add(String storeHash, String object, JsonNode document, Map<String, Object> fields) {
    long groupId = document.path("customer").path("customer_group_id").asLong(0);
    if (groupId <= 0 || !objects.contains(object)) {
      return;
    }
    String name = nameOf(storeHash, groupId);
    if (name != null && !name.isBlank()) {
      fields.put(FIELD, name);
    }
  }

  private String nameOf(String storeHash, long groupId) {
    Names names = byStore.get(storeHash);
    long now = clock.millis();
    if (names == null
        || (!names.byId().containsKey(groupId) && now - names.readAtMs() >= REFRESH.toMillis())) {
      names = new Names(Map.copyOf(store.customerGroupNames(storeHash)), now);
      byStore.put(storeHash, names);
    }
    return names.byId().get(groupId);
  }
}
