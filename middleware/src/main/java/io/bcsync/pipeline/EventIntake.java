package io.bcsync.pipeline;

import io.bcsync.config.PipelineConfig;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.db.SessionLimits;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes a callback durable in one transaction: duplicate check, then the event row and its work
 * item. The caller acknowledges BigCommerce only after {@link #record} returns, so an acknowledged
 * event is never lost.
 */
@Singleton
public class EventIntake {
  /**
   * BigCommerce retries a failed delivery for about 48 hours; a signed delivery's id is remembered
   * longer.
   */
  static final Duration WEBHOOK_ID_RETENTION = Duration.ofHours(72);

  private static final int MAX_TRANSIENT_RETRIES = 5;
  private static final int MAX_OPEN_ITEM_RACES = 10;

  static final String INSERT_DEDUPE_KEY =
      "INSERT INTO webhook_dedupe (dedupe_key, expires_at_ms) VALUES (?, ?)";
  static final String TAKE_OVER_DEDUPE_KEY =
      "UPDATE webhook_dedupe SET expires_at_ms = ? WHERE dedupe_key = ? AND expires_at_ms <= ?";

  /** Joins events to an open item; marks it dirty when it is being processed (see joinOpenItem). */
  static final String JOIN_WORK_ITEM =
      "UPDATE work_item SET event_count = event_count + ?, scopes = ?, updated_at_ms = ?,"
          + " dirty = CASE WHEN status = 'IN_PROGRESS' THEN 1 ELSE dirty END WHERE id = ?";

  static final String INSERT_WORK_ITEM =
      "INSERT INTO work_item (store_hash, entity_type, entity_id, open_key, status, scopes, event_count,"
          + " dirty, attempts, next_attempt_at_ms, created_at_ms, updated_at_ms, replay_count)"
          + " VALUES (?, ?, ?, ?, 'PENDING', ?, ?, 0, 0, ?, ?, ?, 0)";
  static final String INSERT_EVENT =
      "INSERT INTO webhook_event (store_hash, scope, entity_type, entity_id, webhook_id, payload_hash,"
          + " bc_created_at, received_at_ms, work_item_id, raw_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Db db;
  private final Clock clock;
  private final PipelineConfig config;
  private final WorkSignal workSignal;

  public EventIntake(Db db, Clock clock, PipelineConfig config, WorkSignal workSignal) {
    this.db = db;
    this.clock = clock;
    this.config = config;
    this.workSignal = workSignal;
  }

  public IntakeResult record(IncomingEvent event) {
    return record(
        event,
        () ->
            db.writeRetryingTransient(
                MAX_TRANSIENT_RETRIES, connection -> recordInTransaction(connection, event)));
  }

  /**
   * {@link #record}, its statements under {@code limits}, and without running it again when the
   * database is unavailable ({@link Db#writeFailingFast}): for webhook intake, which must answer
   * quickly.
   */
  IntakeResult recordFailingFast(IncomingEvent event, SessionLimits limits) {
    return record(
        event,
        () ->
            db.writeFailingFast(
                MAX_TRANSIENT_RETRIES,
                limits,
                connection -> recordInTransaction(connection, event)));
  }

  private IntakeResult record(IncomingEvent event, Supplier<IntakeResult> transaction) {
    try {
      IntakeResult result = transaction.get();
      if (result instanceof IntakeResult.Accepted) {
        workSignal.wake();
      }
      return result;
    } catch (DuplicateDelivery duplicate) {
      return new IntakeResult.Duplicate(duplicate.getMessage());
    }
  }

  /**
   * Records the event inside the caller's transaction, so other state can commit atomically with it
   * (the Salesforce subscriber stores the channel's replay id this way). The caller retries
   * transient failures and calls {@link WorkSignal#wake()} after the commit. A duplicate throws and
   * must roll the caller's transaction back.
   */
  public IntakeResult recordInTransaction(Connection connection, IncomingEvent event)
      throws SQLException {
    long now = clock.millis();
    for (DedupeKey key : dedupeKeys(event)) {
      claimDedupeKey(connection, key, now);
    }
    long itemId = joinOrOpenWorkItem(connection, event, now);
    long eventId = insertEvent(connection, event, itemId, now);
    return new IntakeResult.Accepted(eventId, itemId);
  }

  /**
   * The keys that make a later delivery of this event a duplicate, each with how long it lives.
   * Shared with {@link GroupIntake} so both intake paths recognise exactly the same repeats.
   */
  List<DedupeKey> dedupeKeys(IncomingEvent event) {
    List<DedupeKey> claims = new ArrayList<>(2);
    if (event.webhookId() != null) {
      claims.add(
          new DedupeKey(
              "webhook-id",
              sha256("webhook-id", event.entity().storeHash(), event.webhookId()),
              WEBHOOK_ID_RETENTION.toMillis(),
              0));
    }
    if (event.payloadHash() != null) {
      // BigCommerce's hash covers only `data` (the official examples share one hash across
      // created/updated of
      // the same order), so two genuine updates of an order carry equal hashes. created_at
      // (seconds) tells them
      // apart while a redelivery repeats it; see docs/pipeline.md.
      claims.add(
          new DedupeKey(
              "payload-hash",
              sha256(
                  "payload-hash",
                  event.producer(),
                  event.scope(),
                  event.entity().type(),
                  event.entity().id(),
                  event.payloadHash(),
                  String.valueOf(event.bcCreatedAt())),
              config.dedupeWindow().toMillis(),
              keepUntil(event.replayableUntilMs())));
    }
    return claims;
  }

  /**
   * How long the payload-hash key of a callback accepted on the secret header alone must live: as
   * long as a verbatim copy would still be authenticated, so a replay within webhook-max-age is a
   * duplicate and not a new event. The extra dedupe window covers the time between the age check
   * (on the request thread) and the commit: a copy that passed the check just before the end still
   * meets the key. 0 (no floor) for other events.
   */
  private long keepUntil(Long replayableUntilMs) {
    if (replayableUntilMs == null) {
      return 0;
    }
    long margin = config.dedupeWindow().toMillis();
    // A very long configured max-age must not wrap round to a key that expired long ago.
    return replayableUntilMs > Long.MAX_VALUE - margin
        ? Long.MAX_VALUE
        : replayableUntilMs + margin;
  }

  /**
   * Inserts the key, or takes over an expired one. Throws {@link DuplicateDelivery} (rolling the
   * transaction back) when a live key exists. Insert-then-conditional-update is race-free on both
   * databases: the primary key decides which of two concurrent deliveries wins.
   */
  private void claimDedupeKey(Connection connection, DedupeKey claim, long now)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_DEDUPE_KEY)) {
      insert.setString(1, claim.key());
      insert.setLong(2, claim.expiresAt(now));
      insert.executeUpdate();
      return;
    } catch (SQLException e) {
      if (!DataAccessFailure.isUniqueViolation(e)) {
        throw e;
      }
    }
    try (PreparedStatement takeOver = connection.prepareStatement(TAKE_OVER_DEDUPE_KEY)) {
      takeOver.setLong(1, claim.expiresAt(now));
      takeOver.setString(2, claim.key());
      takeOver.setLong(3, now);
      if (takeOver.executeUpdate() == 0) {
        throw new DuplicateDelivery("same " + claim.kind() + " seen within its window");
      }
    }
  }

  private long joinOrOpenWorkItem(Connection connection, IncomingEvent event, long now)
      throws SQLException {
    String openKey = event.entity().key();
    for (int race = 0; race < MAX_OPEN_ITEM_RACES; race++) {
      Optional<Long> joined = joinOpenItem(connection, openKey, event.scope(), now);
      if (joined.isPresent()) {
        return joined.get();
      }
      Optional<Long> opened = openItem(connection, event, openKey, now);
      if (opened.isPresent()) {
        return opened.get();
      }
      // Another transaction opened an item for this entity between our two statements: join that
      // one.
    }
    throw new SQLException("could not open or join a work item for " + openKey, "40001");
  }

  private Optional<Long> joinOpenItem(Connection connection, String openKey, String scope, long now)
      throws SQLException {
    long id;
    String scopes;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, scopes FROM work_item WHERE open_key = ? FOR UPDATE")) {
      select.setString(1, openKey);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        id = rs.getLong(1);
        scopes = rs.getString(2);
      }
    }
    // An event arriving while the item is being processed marks it dirty: the worker re-queues it
    // on completion
    // so the entity's latest state is read once more, after the current run, never concurrently
    // with it.
    try (PreparedStatement update = connection.prepareStatement(JOIN_WORK_ITEM)) {
      update.setInt(1, 1);
      update.setString(2, Scopes.add(scopes, scope));
      update.setLong(3, now);
      update.setLong(4, id);
      update.executeUpdate();
    }
    return Optional.of(id);
  }

  private Optional<Long> openItem(
      Connection connection, IncomingEvent event, String openKey, long now) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(INSERT_WORK_ITEM, Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, event.entity().storeHash());
      insert.setString(2, event.entity().type());
      insert.setString(3, event.entity().id());
      insert.setString(4, openKey);
      insert.setString(5, Scopes.add("", event.scope()));
      insert.setInt(6, 1);
      insert.setLong(7, now);
      insert.setLong(8, now);
      insert.setLong(9, now);
      insert.executeUpdate();
      return Optional.of(Sql.generatedKey(insert));
    } catch (SQLException e) {
      if (DataAccessFailure.isUniqueViolation(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private long insertEvent(Connection connection, IncomingEvent event, long itemId, long now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(INSERT_EVENT, Statement.RETURN_GENERATED_KEYS)) {
      bindEvent(insert, event, itemId, now);
      insert.executeUpdate();
      return Sql.generatedKey(insert);
    } catch (SQLException e) {
      if (DataAccessFailure.isUniqueViolation(e)) {
        // Backstop for the (store, webhook-id) unique key once its dedupe key has expired.
        throw new DuplicateDelivery("same webhook-id stored before");
      }
      throw e;
    }
  }

  static void bindEvent(PreparedStatement insert, IncomingEvent event, long itemId, long now)
      throws SQLException {
    insert.setString(1, event.entity().storeHash());
    insert.setString(2, event.scope());
    insert.setString(3, event.entity().type());
    insert.setString(4, event.entity().id());
    insert.setString(5, event.webhookId());
    insert.setString(6, event.payloadHash());
    Sql.setNullableLong(insert, 7, event.bcCreatedAt());
    insert.setLong(8, now);
    insert.setLong(9, itemId);
    insert.setString(10, event.rawBody());
  }

  static String sha256(String kind, String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(kind.getBytes(StandardCharsets.UTF_8));
      for (String part : parts) {
        digest.update((byte) 0);
        digest.update(part.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /**
   * A duplicate-detection key: {@code kind} names it in the duplicate's reason. It lives {@code
   * ttlMillis} from its claim, and at least until {@code keepUntilMs} (epoch millis; 0 for none).
   */
  record DedupeKey(String kind, String key, long ttlMillis, long keepUntilMs) {
    long expiresAt(long now) {
      return Math.max(now + ttlMillis, keepUntilMs);
    }
  }

  /** Unwinds the transaction so nothing of a duplicate is stored. */
  private static final class DuplicateDelivery extends RuntimeException {
    DuplicateDelivery(String reason) {
      super(reason, null, false, false);
    }
  }
}
