package io.bcsync.sync.rules;

import io.bcsync.db.Chunks;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.FollowUpWork;
import io.bcsync.sync.port.Notice;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which rules already fired for which occurrence ({@code sync_rule_firing}). */
@Singleton
public class RuleFirings {
  /** Work items of notices ({@code NoticeFlow}), one per notice key. */
  public static final String NOTICE_TYPE = "order_notice";

  private final Db db;
  private final FiringRepository rows;
  private final Clock clock;
  private final FollowUpWork followUps;
  private final NoticeRows notices;

  RuleFirings(Db db, FiringRepository rows, Clock clock) {
    this(db, rows, clock, null, null);
  }

  @Inject
  RuleFirings(
      Db db, FiringRepository rows, Clock clock, FollowUpWork followUps, NoticeRows notices) {
    this.db = db;
    this.rows = rows;
    this.clock = clock;
    this.followUps = followUps;
    this.notices = notices;
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

  /**
   * Records firings (key → order id) whose actions are done, what they wrote ({@link RuleWrite},
   * for the record timeline) and, in the same transaction, the notices they owe (each only if its
   * key is new) with one work item each: a crash before the commit leaves none of it (the order's
   * retry makes it all), after it all, so a notice is never lost and never enqueued twice.
   */
  public void record(
      String storeHash, Map<String, Long> firings, List<Notice> owed, List<RuleWrite> written) {
    if (firings.isEmpty()) {
      return;
    }
    long now = clock.millis();
    followUps.recordWith(
        connection -> {
          saveFirings(storeHash, firings, now);
          RuleWrite.save(connection, storeHash, written, now);
          List<Notice> fresh = new ArrayList<>();
          for (Notice notice : owed) {
            if (notices.insertIfAbsent(connection, notice, now)) {
              fresh.add(notice);
            }
          }
          return fresh;
        },
        fresh ->
            fresh.stream()
                .map(
                    n ->
                        FollowUpWork.event(
                            new EntityRef(storeHash, NOTICE_TYPE, n.key()),
                            "bcsync/rule/notice",
                            "{}"))
                .toList());
  }

  private void saveFirings(String storeHash, Map<String, Long> firings, long now) {
    firings.forEach(
        (key, orderId) ->
            Upsert.insertIfAbsent(
                () -> rows.save(new FiringRow(new FiringRow.Key(storeHash, key), orderId, now))));
  }
}
