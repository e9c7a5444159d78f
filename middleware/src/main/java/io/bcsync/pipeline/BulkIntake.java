package io.bcsync.pipeline;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records events that arrive together outside webhook intake (a catch-up poll's changes) a group at
 * a time, each group in one transaction with {@link GroupIntake}'s fixed number of statements,
 * instead of one transaction per event: on embedded H2 every commit is written to the file
 * (WRITE_DELAY=0), so a poll that found hundreds of changes cost hundreds of file writes. The
 * results are those of {@link EventIntake#record} for the same events one after another; a group
 * that cannot commit together (a race {@link GroupIntake} leaves to the row-by-row path) is
 * recorded one by one, as {@link IntakeBatcher} does.
 */
@Singleton
public class BulkIntake {
  private static final Logger LOG = LoggerFactory.getLogger(BulkIntake.class);

  /** Keeps each group's IN lists (dedupe keys, open items) short. */
  static final int GROUP_SIZE = 100;

  private static final int MAX_TRANSIENT_RETRIES = 3;

  private final Db db;
  private final GroupIntake group;
  private final EventIntake single;
  private final WorkSignal workSignal;

  public BulkIntake(Db db, GroupIntake group, EventIntake single, WorkSignal workSignal) {
    this.db = db;
    this.group = group;
    this.single = single;
    this.workSignal = workSignal;
  }

  /** One result per event, in order. A database that cannot be reached throws. */
  public List<IntakeResult> recordAll(List<IncomingEvent> events) {
    List<IntakeResult> results = new ArrayList<>(events.size());
    for (int from = 0; from < events.size(); from += GROUP_SIZE) {
      List<IncomingEvent> chunk = events.subList(from, Math.min(events.size(), from + GROUP_SIZE));
      results.addAll(recordGroup(chunk));
    }
    return results;
  }

  private List<IntakeResult> recordGroup(List<IncomingEvent> events) {
    List<GroupIntake.Member> members = events.stream().map(group::prepare).toList();
    List<IntakeResult> results;
    try {
      results =
          db.writeRetryingTransient(
              MAX_TRANSIENT_RETRIES, connection -> group.recordInTransaction(connection, members));
    } catch (DataAccessFailure failure) {
      if (failure.isUnavailable()) {
        throw failure;
      }
      LOG.info(
          "A group of {} events could not commit together (SQL state {}); recording one by one",
          events.size(),
          failure.sqlException().getSQLState());
      // EventIntake#record wakes the workers itself.
      return events.stream().map(single::record).toList();
    }
    if (results.stream().anyMatch(IntakeResult.Accepted.class::isInstance)) {
      workSignal.wake();
    }
    return results;
  }
}
