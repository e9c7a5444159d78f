package io.bcsync.sync.changes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * <b>A Salesforce record changed.</b> Change events (CDC, GAP events), reconciliation of what the
 * stream missed, and PUSH requests all become a work item per record; this flow records each as a
 * {@code salesforce_change} row — the object, the record, the kinds of change and the fields the
 * events named — visible at {@code GET /admin/salesforce/changes}, and ends the item DONE. Price
 * book entries and products are taken by the flows that write them to BigCommerce ({@code
 * sync/catalog}), Contacts and Accounts by the flows that write their customers ({@code
 * sync/contacts}); they record them here too. The other objects are only recorded. Our own writes
 * never get here: the subscriber drops them.
 */
@Singleton
public class SalesforceChangeFlow implements Flow {
  /** salesforce_change.changed_fields is VARCHAR(2000). */
  static final int MAX_FIELDS_LENGTH = 2000;

  /**
   * Objects whose changes flows of {@code sync/catalog} and {@code sync/contacts} write to
   * BigCommerce.
   */
  public static final Set<String> WRITTEN_TO_STORE =
      Set.of("PricebookEntry", "Product2", "Contact", "Account");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ItemEvents events;
  private final SalesforceChangeLog log;
  private final Clock clock;

  public SalesforceChangeFlow(ItemEvents events, SalesforceChangeLog log, Clock clock) {
    this.events = events;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "salesforce-change";
  }

  /**
   * Records of any object the flows that write to BigCommerce do not take (they record their items
   * here themselves, {@link #record}); platform events ({@code __e}) are requests, not record
   * changes.
   */
  @Override
  public boolean handles(WorkKind kind) {
    return kind.origin() == Origin.SALESFORCE
        && !kind.type().endsWith("__e")
        && !WRITTEN_TO_STORE.contains(kind.type());
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    Map<Long, Outcome> outcomes = new HashMap<>();
    record(items);
    items.forEach(item -> outcomes.put(item.id(), Outcome.SUCCESS));
    return outcomes;
  }

  /** Records the changes of these items ({@code GET /admin/salesforce/changes}). */
  public void record(List<WorkItem> items) {
    Map<Long, List<ItemEvents.ItemEvent>> byItem =
        events.of(items.stream().map(WorkItem::id).toList());
    long now = clock.millis();
    List<SalesforceChangeRow> rows = new ArrayList<>();
    for (WorkItem item : items) {
      List<ItemEvents.ItemEvent> itemEvents = byItem.getOrDefault(item.id(), List.of());
      EntityRef entity = item.entity();
      rows.add(
          new SalesforceChangeRow(
              null,
              entity.storeHash().substring(EntityRef.SALESFORCE_PREFIX.length()),
              entity.type(),
              entity.id(),
              String.join(",", changeTypes(item.scopes())),
              changedFields(itemEvents),
              itemEvents.size(),
              item.id(),
              now));
    }
    log.record(rows);
  }

  /** {@code salesforce/cdc/UPDATE} → UPDATE, {@code salesforce/reconcile} → RECONCILE, ... */
  public static Set<String> changeTypes(List<String> scopes) {
    Set<String> types = new LinkedHashSet<>();
    for (String scope : scopes) {
      String last = scope.substring(scope.lastIndexOf('/') + 1);
      types.add(last.toUpperCase(Locale.ROOT));
    }
    return types;
  }

  /** The union of the events' {@code changedFields}, in order, cut to the column's size. */
  static String changedFields(List<ItemEvents.ItemEvent> itemEvents) {
    Set<String> fields = fieldsNamed(itemEvents);
    if (fields.isEmpty()) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    for (String field : fields) {
      int extra = (joined.length() == 0 ? 0 : 1) + field.length();
      if (joined.length() + extra > MAX_FIELDS_LENGTH) {
        break;
      }
      joined.append(joined.length() == 0 ? "" : ",").append(field);
    }
    return joined.toString();
  }

  /** The union of the fields the change events' {@code changedFields} name, in order. */
  public static Set<String> fieldsNamed(List<ItemEvents.ItemEvent> itemEvents) {
    Set<String> fields = new LinkedHashSet<>();
    for (ItemEvents.ItemEvent event : itemEvents) {
      JsonNode header = header(event.rawBody());
      header.path("changedFields").forEach(field -> fields.add(field.asText()));
    }
    return fields;
  }

  /** The CDC header of a stored change event; a missing node for other payloads. */
  private static JsonNode header(String raw) {
    try {
      return JSON.readTree(raw).path("payload").path("ChangeEventHeader");
    } catch (java.io.IOException e) {
      // Stored by our own subscriber as JSON; a body that is not is simply not a change event.
      return JSON.missingNode();
    }
  }
}
