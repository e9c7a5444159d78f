package io.bcsync.sync.rules;

import io.bcsync.db.Chunks;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which rules already fired for which occurrence ({@code sync_rule_firing}). */
@Singleton
public class RuleFirings {
  private final Db db;
  private final FiringRepository rows;
  private final Clock clock;

  RuleFirings(Db db, FiringRepository rows, Clock clock) {
    this.db = db;
    this.rows = rows;
    this.clock = clock;
  }

  /** The given firing keys already recorded. */
  public Set<String> done(String storeHash, Collection<String> firingKeys) {
    Set<String> done = new HashSet<>();
    if (firingKeys.isEmpty()) {
      return done;
    }
    return db.read(
        () -> {
          for (List<String> chunk : Chunks.of(firingKeys)) {
            done.addAll(rows.existing(storeHash, chunk));
          }
          return done;
        });
  }

  /** Records firings (key → order id) whose actions are done; a key recorded before stays. */
  public void record(String storeHash, Map<String, Long> firings) {
    if (firings.isEmpty()) {
      return;
    }
    long now = clock.millis();
    db.write(
        () -> {
          firings.forEach(
              (key, orderId) ->
                  Upsert.insertIfAbsent(
                      () ->
                          rows.save(
                              new FiringRow(new FiringRow.Key(storeHash, key), orderId, now))));
          return null;
        });
  }
}
