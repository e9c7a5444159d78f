package io.bcsync.salesforce.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.WorkSignal;
import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link StreamEventRecorder} stores the channel's replay id through a repository and the event's
 * work through plain JDBC ({@code EventIntake.recordInTransaction}) in one {@code Db.write}: both
 * commit, or neither does. Runs on H2; {@code RecordingTransactionMariaDbTest} runs every case on
 * MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingTransactionTest extends DatabaseTest {
  private static final String ORG = "00D000000000001AAA";

  @Inject Db db;
  @Inject EventIntake intake;
  @Inject WorkSignal signal;
  @Inject StreamingMetrics metrics;
  @Inject ReplayRepository replayRows;
  @Inject ReconciliationRepository reconciliationRows;

  private ReplayStore replays;
  private StreamEventRecorder recorder;
  private String channel;

  @BeforeEach
  void setUp() {
    replays = new ReplayStore(db, replayRows);
    recorder =
        new StreamEventRecorder(
            db,
            intake,
            signal,
            replays,
            new ReconciliationQueue(db, reconciliationRows),
            metrics,
            Clock.systemUTC());
    channel = "/data/ContactChangeEvent" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void an_event_whose_work_cannot_be_stored_leaves_the_replay_id_where_it_was() {
    String id = "003" + UUID.randomUUID().toString().substring(0, 12);
    // The work item takes it, the event's scope column (200 characters) refuses it.
    String oversized = "UPDATE" + "_".repeat(200);

    assertThatThrownBy(() -> recorder.record(ORG, noOwnChanges(), change(7, oversized, id)))
        .isInstanceOf(DataAccessFailure.class);

    assertThat(replays.get(channel)).as("the replay row created in the transaction").isEmpty();
    assertThat(workItemsFor(id)).as("the work item inserted before the event").isZero();
  }

  @Test
  void an_event_and_its_replay_id_commit_together() {
    String id = "003" + UUID.randomUUID().toString().substring(0, 12);

    assertThat(recorder.record(ORG, noOwnChanges(), change(7, "UPDATE", id)))
        .isEqualTo(StreamEventRecorder.Result.RECORDED);
    assertThat(recorder.record(ORG, noOwnChanges(), change(7, "UPDATE", id)))
        .isEqualTo(StreamEventRecorder.Result.ALREADY_RECORDED);

    assertThat(replays.get(channel).orElseThrow().replayId()).isEqualTo(7);
    assertThat(workItemsFor(id)).isEqualTo(1);
  }

  private StreamEvent change(long replayId, String changeType, String... recordIds) {
    return new StreamEvent(
        channel,
        Map.of(
            "event",
            Map.of("replayId", replayId),
            "payload",
            Map.of(
                "ChangeEventHeader",
                Map.of(
                    "entityName",
                    "Contact",
                    "changeType",
                    changeType,
                    "recordIds",
                    List.of(recordIds),
                    "commitTimestamp",
                    1_700_000_000_000L))));
  }

  private static OwnChangeFilter noOwnChanges() {
    return new OwnChangeFilter("bcsync", null);
  }

  private long workItemsFor(String recordId) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT COUNT(*) FROM work_item WHERE entity_id = ?")) {
            select.setString(1, recordId);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }
}
