package io.bcsync.bigcommerce.catchup;

import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The {@code bc_sync_cursor} table: each store's catch-up high-water mark per resource. */
@Singleton
public class SyncCursors {
  private final Db db;
  private final SyncCursorRepository rows;

  SyncCursors(Db db, SyncCursorRepository rows) {
    this.db = db;
    this.rows = rows;
  }

  public Optional<Long> highWater(String storeHash, String resource) {
    return db.read(
        () ->
            rows.findById(new SyncCursorRow.Key(storeHash, resource))
                .map(SyncCursorRow::highWaterMs));
  }

  /** Stores the mark; never moves it backwards. */
  public void save(String storeHash, String resource, long highWaterMs, long polledAtMs) {
    SyncCursorRow.Key key = new SyncCursorRow.Key(storeHash, resource);
    db.write(
        () ->
            Upsert.updateElseInsert(
                () -> rows.advance(storeHash, resource, highWaterMs, polledAtMs),
                () -> rows.save(new SyncCursorRow(key, highWaterMs, polledAtMs))));
  }

  /** The latest poll of any resource of the store, for the app page's "last sync". */
  public Optional<Long> lastPolledAt(String storeHash) {
    return db.read(() -> rows.lastPolledAt(storeHash));
  }

  /** Forgets the store's marks (its retention ended); joins the caller's transaction. */
  public void deleteStore(String storeHash) {
    db.write(() -> rows.deleteStore(storeHash));
  }
}
