package io.bcsync.bigcommerce.reading;

import io.bcsync.db.Chunks;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code bc_entity_version} table: which BigCommerce {@code date_modified} each entity was last
 * read at.
 */
@Singleton
public class EntityVersions {
  private static final int MAX_TRANSIENT_RETRIES = 3;

  private final Db db;
  private final EntityVersionRepository rows;
  private final Clock clock;

  EntityVersions(Db db, EntityVersionRepository rows, Clock clock) {
    this.db = db;
    this.rows = rows;
    this.clock = clock;
  }

  /** Records reads; a version never moves backwards (a slow reader cannot undo a newer one). */
  public void recordRead(String storeHash, String entityType, Map<String, Long> dateModifiedById) {
    if (dateModifiedById.isEmpty()) {
      return;
    }
    long now = clock.millis();
    // One key order for every batch, so two batches recording the same entities (one customer's
    // orders in two batches) wait for each other instead of deadlocking; a rollback runs again
    // (a version never moves backwards, so a repeat changes nothing).
    Map<String, Long> inLockOrder = new TreeMap<>(dateModifiedById);
    db.writeRetryingTransient(
        MAX_TRANSIENT_RETRIES,
        () -> {
          inLockOrder.forEach(
              (id, version) ->
                  Upsert.updateElseInsert(
                      () -> rows.advance(storeHash, entityType, id, version, now),
                      () ->
                          rows.save(
                              new EntityVersionRow(
                                  new EntityVersionRow.Key(storeHash, entityType, id),
                                  version,
                                  now))));
          return null;
        });
  }

  /** Last read versions of these entities; absent when never read. */
  public Map<String, Long> lastRead(String storeHash, String entityType, Collection<String> ids) {
    Map<String, Long> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    return db.read(
        () -> {
          for (List<String> chunk : Chunks.of(ids)) {
            rows.find(storeHash, entityType, chunk)
                .forEach(row -> found.put(row.id().entityId(), row.dateModifiedMs()));
          }
          return found;
        });
  }

  /** Forgets the store's read versions (its retention ended); joins the caller's transaction. */
  public void deleteStore(String storeHash) {
    db.write(() -> rows.deleteStore(storeHash));
  }
}
