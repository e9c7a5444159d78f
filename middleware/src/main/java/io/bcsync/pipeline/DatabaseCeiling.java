package io.bcsync.pipeline;

import io.bcsync.config.IntakeBatchConfig;
import io.bcsync.db.Db;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own ceiling for intake's durable work, for {@code scripts/bench-ingest} (issue
 * 20): a plain JDBC loop in this JVM (one {@link Db#write} transaction per group, nothing else
 * around it) committing the rows a new-order webhook leaves (one dedupe key, one work item, one
 * event with its raw body) with intake's own statements, in groups of the given size, on as many
 * threads as intake has writers. No HTTP, no parsing, no duplicate lookup, no locking read: what is
 * left is what the database needs to make those rows durable, so intake's rate divided by this one
 * is the share of the database's ceiling intake reaches.
 *
 * <p>The work items are written not yet due (next attempt in the far future), so the pipeline
 * workers leave them alone and the loop measures the database, not the workers. Only exists when
 * {@code bcsync.bench-endpoint.enabled=true}.
 */
@Singleton
@Requires(property = "bcsync.bench-endpoint.enabled", value = "true")
public class DatabaseCeiling {
  /** Far enough ahead that no worker claims a ceiling row during a benchmark. */
  private static final long NOT_DUE = Duration.ofDays(3650).toMillis();

  private static final AtomicLong RUNS = new AtomicLong();

  private final Db db;
  private final int threads;

  public DatabaseCeiling(Db db, IntakeBatchConfig config) {
    this.db = db;
    this.threads = config.intakeWriters();
  }

  /** Events committed per second over the given time, in groups of {@code groupSize}. */
  public Result measure(int groupSize, Duration duration) throws InterruptedException {
    if (groupSize < 1 || groupSize > 1000) {
      throw new IllegalArgumentException("group size must be 1 to 1000, got " + groupSize);
    }
    String run = "ceiling" + RUNS.incrementAndGet() + "-" + System.nanoTime();
    AtomicLong events = new AtomicLong();
    List<Throwable> failures = new ArrayList<>();
    long deadline = System.nanoTime() + duration.toNanos();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      String prefix = run + "-" + t + "-";
      Thread worker =
          new Thread(
              () -> {
                try {
                  loop(prefix, groupSize, deadline, events);
                } catch (RuntimeException e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "db-ceiling-" + t);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException("the ceiling loop failed: " + failures.get(0), failures.get(0));
      failures.stream().skip(1).forEach(failure::addSuppressed);
      throw failure;
    }
    return new Result(events.get() / seconds, groupSize, threads, events.get(), seconds);
  }

  private void loop(String prefix, int groupSize, long deadline, AtomicLong events) {
    long next = 0;
    while (System.nanoTime() < deadline) {
      long now = System.currentTimeMillis();
      List<EntityRef> entities = new ArrayList<>(groupSize);
      for (int i = 0; i < groupSize; i++) {
        entities.add(new EntityRef("benchstore", "order", prefix + next++));
      }
      db.write(connection -> commitGroup(connection, entities, now));
      events.addAndGet(groupSize);
    }
  }

  /** The group's rows in the caller's transaction; {@link Db#write} commits them. */
  private static Void commitGroup(Connection connection, List<EntityRef> entities, long now)
      throws SQLException {
    try (PreparedStatement dedupe = connection.prepareStatement(EventIntake.INSERT_DEDUPE_KEY)) {
      for (EntityRef entity : entities) {
        dedupe.setString(1, sha256(entity.key()));
        dedupe.setLong(2, now + Duration.ofMinutes(10).toMillis());
        dedupe.addBatch();
      }
      dedupe.executeBatch();
    }
    long[] itemIds;
    try (PreparedStatement items =
        connection.prepareStatement(
            EventIntake.INSERT_WORK_ITEM, Statement.RETURN_GENERATED_KEYS)) {
      for (EntityRef entity : entities) {
        items.setString(1, entity.storeHash());
        items.setString(2, entity.type());
        items.setString(3, entity.id());
        items.setString(4, entity.key());
        items.setString(5, Scopes.add("", "store/order/created"));
        items.setInt(6, 1);
        items.setLong(7, now + NOT_DUE);
        items.setLong(8, now);
        items.setLong(9, now);
        items.addBatch();
      }
      items.executeBatch();
      itemIds = Sql.generatedKeys(items, entities.size());
    }
    try (PreparedStatement insertEvents =
        connection.prepareStatement(EventIntake.INSERT_EVENT, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < entities.size(); i++) {
        EntityRef entity = entities.get(i);
        long createdAt = now / 1000;
        // The body bench/ingest.lua sends, so the rows are the webhook path's in size too.
        String body =
            "{\"scope\":\"store/order/created\",\"store_id\":\"1025646\",\"data\":{\"type\":\"order\","
                + "\"id\":"
                + i
                + "},\"hash\":\""
                + entity.id()
                + "\",\"created_at\":"
                + createdAt
                + ",\"producer\":\"stores/benchstore\"}";
        EventIntake.bindEvent(
            insertEvents,
            new IncomingEvent(
                entity,
                "store/order/created",
                "stores/benchstore",
                null,
                entity.id(),
                createdAt,
                body),
            itemIds[i],
            now);
        insertEvents.addBatch();
      }
      insertEvents.executeBatch();
      Sql.generatedKeys(insertEvents, entities.size());
    }
    return null;
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** What one measurement gave. */
  public record Result(
      double eventsPerSecond, int groupSize, int threads, long events, double seconds) {}
}
