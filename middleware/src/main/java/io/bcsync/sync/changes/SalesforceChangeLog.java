package io.bcsync.sync.changes;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** What Salesforce reported as changed, as the Salesforce-change flow recorded it. */
@Singleton
public class SalesforceChangeLog {
  private final Db db;
  private final SalesforceChangeRepository rows;

  public SalesforceChangeLog(Db db, SalesforceChangeRepository rows) {
    this.db = db;
    this.rows = rows;
  }

  public void record(List<SalesforceChangeRow> changes) {
    if (!changes.isEmpty()) {
      db.write(() -> rows.saveAll(changes));
    }
  }

  /**
   * Newest first, optionally of one object (and one record of it), with ids below {@code beforeId}
   * (keyset paging).
   */
  public List<SalesforceChangeRow> newest(
      Optional<String> sobject, Optional<String> recordId, Optional<Long> beforeId, int limit) {
    long before = beforeId.orElse(Long.MAX_VALUE);
    return db.read(
        () -> {
          if (sobject.isEmpty()) {
            return rows.newest(before, limit);
          }
          return recordId.isPresent()
              ? rows.newestOfRecord(sobject.get(), recordId.get(), before, limit)
              : rows.newestOf(sobject.get(), before, limit);
        });
  }

  /** Deletes the changes recorded before {@code beforeMs}; answers how many. */
  public int deleteRecordedBefore(long beforeMs) {
    return db.write(() -> rows.deleteRecordedBefore(beforeMs));
  }
}
