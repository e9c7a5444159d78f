package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events that joined work items, for flows that need more than the entity (a change event's
 * changed fields, a sync request's correlation id). Events are stored verbatim at intake; this is
 * the only way a flow reads them, so {@code webhook_event} stays the pipeline's table.
 */
@Singleton
public class ItemEvents {
  /** Ids per IN list: well under every database's parameter limit. */
  private static final int CHUNK = 500;

  private final Db db;

  public ItemEvents(Db db) {
    this.db = db;
  }

  /**
   * An event as stored.
   *
   * @param rawBody the payload exactly as received
   */
  public record ItemEvent(
      long id, long workItemId, String scope, long receivedAtMs, String rawBody) {}

  /**
   * The events of these work items, oldest first, by work item id. An item that was processed
   * before and got new events meanwhile (dirty) lists all of them, earlier ones included.
   */
  public Map<Long, List<ItemEvent>> of(Collection<Long> workItemIds) {
    Map<Long, List<ItemEvent>> events = new HashMap<>();
    List<Long> ids = List.copyOf(workItemIds);
    if (ids.isEmpty()) {
      return events;
    }
    return db.read(
        connection -> {
          for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement select =
                connection.prepareStatement(
                    "SELECT id, work_item_id, scope, received_at_ms, raw_body FROM webhook_event"
                        + " WHERE work_item_id IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                        + ") ORDER BY id")) {
              for (int i = 0; i < chunk.size(); i++) {
                select.setLong(i + 1, chunk.get(i));
              }
              try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                  ItemEvent event =
                      new ItemEvent(
                          rs.getLong(1),
                          rs.getLong(2),
                          rs.getString(3),
                          rs.getLong(4),
                          rs.getString(5));
                  events.computeIfAbsent(event.workItemId(), k -> new ArrayList<>()).add(event);
                }
              }
            }
          }
          return events;
        });
  }
}
