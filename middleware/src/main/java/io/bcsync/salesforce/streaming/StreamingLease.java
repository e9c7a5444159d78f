package io.bcsync.salesforce.streaming;

import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Leadership through one database row: the owner renews it every check interval; anyone may take it
 * once it has expired. Conditional updates make acquisition race-free on H2 and MySQL alike. A
 * leader that dies stops renewing, so another instance takes over within lease-ttl +
 * lease-check-interval. Overlap during a takeover is harmless: recording is idempotent per replay
 * id ({@link StreamEventRecorder}).
 */
public class StreamingLease {
  public static final String NAME = "salesforce-streaming";

  private final Db db;
  private final LeaseRepository rows;
  private final Clock clock;
  private final Duration ttl;

  StreamingLease(Db db, LeaseRepository rows, Clock clock, Duration ttl) {
    this.db = db;
    this.rows = rows;
    this.clock = clock;
    this.ttl = ttl;
  }

  public record Holder(String owner, long expiresAtMs) {}

  /** Renews our lease or takes an expired one; true when {@code owner} holds it afterwards. */
  public boolean tryAcquire(String owner) {
    long now = clock.millis();
    long expires = now + ttl.toMillis();
    // When someone else inserted the first lease meanwhile, the update runs again against their
    // row and refuses a live lease.
    return db.write(
        () ->
            Upsert.updateElseInsert(
                () -> rows.renewOrTakeOver(NAME, owner, expires, now),
                () -> rows.save(new LeaseRow(NAME, owner, expires, now))));
  }

  /**
   * Gives the lease up at once (clean shutdown), so the next instance need not wait for it to
   * expire.
   */
  public void release(String owner) {
    db.write(() -> rows.release(NAME, owner));
  }

  public Optional<Holder> holder() {
    return db.read(() -> rows.findById(NAME))
        .map(row -> new Holder(row.owner(), row.expiresAtMs()));
  }
}
