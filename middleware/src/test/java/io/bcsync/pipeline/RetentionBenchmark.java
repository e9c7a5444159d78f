package io.bcsync.pipeline;

import io.bcsync.db.Db;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history retention's benchmark, run by {@code scripts/bench-retention} only ({@code
 * -Dbench.retention=true}; not named *Test, so the suite never runs it). On embedded H2 (a file,
 * with the production URL's options) and on the local MariaDB: fills the queue with {@code
 * bench.items} finished orders older than the retention, each with its webhook event and one in ten
 * with a failed attempt, then measures one retention run, and the latency of webhook intake ({@link
 * EventIntake#record}, one transaction per event, from one thread) while it runs against the same
 * measure without it. Writes {@code bench/results/retention.md}.
 */
@EnabledIfSystemProperty(named = "bench.retention", matches = "true")
class RetentionBenchmark {
  private static final int ITEMS = Integer.getInteger("bench.items", 200_000);
  private static final int BASELINE_SECONDS = 10;
  private static final String BODY =
      "{\"scope\":\"store/order/created\",\"store_id\":\"1001\",\"data\":{\"type\":\"order\",\"id\":%d},"
          + "\"hash\":\"dd70c0976e06b67aaf671e73f49dcb79230ebf9d\",\"created_at\":1561479335,"
          + "\"producer\":\"stores/%s\"}";

  @TempDir Path work;

  @Test
  void retention_run_and_intake_beside_it() throws Exception {
    StringBuilder rows = new StringBuilder();
    Map<String, String> h2 = TestDatabases.h2File(work, "MAX_COMPACT_TIME=5000");
    rows.append(measure("embedded H2 (file)", h2));
    rows.append(measure("MariaDB (local)", TestDatabases.freshMariaDb()));
    String report =
        "# History retention benchmark\n\n"
            + "Run by `scripts/bench-retention` (`pipeline/RetentionBenchmark`) on "
            + Instant.now()
            + ". "
            + ITEMS
            + " finished orders older than the retention, each with its webhook event (about 200"
            + " bytes of body) and one in ten with a failed attempt (1 KB of request), then one"
            + " retention run (`QueueRetention.deleteFinishedBefore`). Intake: `EventIntake.record`,"
            + " one event per transaction, from one thread, for "
            + BASELINE_SECONDS
            + " s without the retention and for as long as the run takes beside it. 2 cores, load"
            + " average at the start: "
            + System.getProperty("bench.loadavg", "unknown")
            + ".\n\n"
            + "| Database | Deleted (items / events / failed attempts) | Run | Items/s"
            + " | Intake alone: events/s, p50, p99 | Intake during the run: events/s, p50, p99 |\n"
            + "|---|---|---|---|---|---|\n"
            + rows;
    Path out = Path.of(System.getProperty("bench.output", "../bench/results/retention.md"));
    Files.writeString(out, report);
    System.out.println(report);
  }

  private String measure(String name, Map<String, String> database) throws Exception {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(database);
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      Db db = context.getBean(Db.class);
      EventIntake intake = context.getBean(EventIntake.class);
      QueueRetention retention = context.getBean(QueueRetention.class);
      fill(db);
      if (database.get("datasources.default.url").startsWith("jdbc:h2:")) {
        // H2's identity does not move past ids given explicitly (MariaDB's AUTO_INCREMENT does).
        db.write(
            connection -> {
              try (PreparedStatement restart =
                  connection.prepareStatement(
                      "ALTER TABLE work_item ALTER COLUMN id RESTART WITH " + (ITEMS + 1))) {
                return restart.executeUpdate();
              }
            });
      }
      IntakeLoad alone = intakeFor(intake, "alone", () -> sleep(BASELINE_SECONDS * 1000L));
      QueueRetention.Deleted[] deleted = new QueueRetention.Deleted[1];
      long[] runNanos = new long[1];
      IntakeLoad beside =
          intakeFor(
              intake,
              "beside",
              () -> {
                long start = System.nanoTime();
                deleted[0] = retention.deleteFinishedBefore(ITEMS + 1_000L);
                runNanos[0] = System.nanoTime() - start;
              });
      if (deleted[0].items() != ITEMS) {
        throw new AssertionError("deleted " + deleted[0] + ", expected " + ITEMS + " items");
      }
      double seconds = runNanos[0] / 1e9;
      return String.format(
          "| %s | %d / %d / %d | %.1f s | %.0f | %s | %s |%n",
          name,
          deleted[0].items(),
          deleted[0].events(),
          deleted[0].failures(),
          seconds,
          deleted[0].items() / seconds,
          alone,
          beside);
    }
  }

  /** Finished orders created and ended at instants 1,000 … ITEMS + 999 ms: all before the cut. */
  private static void fill(Db db) {
    String failedCall = "{\"call\":\"upsert\",\"records\":[" + "\"x\",".repeat(200) + "\"x\"]}";
    for (int start = 0; start < ITEMS; start += 5_000) {
      int from = start;
      db.write(
          connection -> {
            try (PreparedStatement item =
                    connection.prepareStatement(
                        "INSERT INTO work_item (id, store_hash, entity_type, entity_id, status,"
                            + " scopes, event_count, dirty, attempts, next_attempt_at_ms,"
                            + " created_at_ms, updated_at_ms, completed_at_ms, replay_count)"
                            + " VALUES (?, ?, 'order', ?, 'DONE', 'store/order/created', 1, 0, 1,"
                            + " 0, ?, ?, ?, 0)");
                PreparedStatement event =
                    connection.prepareStatement(
                        "INSERT INTO webhook_event (store_hash, scope, entity_type, entity_id,"
                            + " webhook_id, payload_hash, received_at_ms, work_item_id, raw_body)"
                            + " VALUES (?, 'store/order/created', 'order', ?, ?, 'h', ?, ?, ?)");
                PreparedStatement failure =
                    connection.prepareStatement(
                        "INSERT INTO work_item_failure (work_item_id, attempt, replay_round,"
                            + " outcome, error, system_name, request, failed_at_ms)"
                            + " VALUES (?, 1, 0, 'RETRY', 'UNABLE_TO_LOCK_ROW', 'salesforce', ?, ?)")) {
              for (int i = from; i < Math.min(ITEMS, from + 5_000); i++) {
                long at = 1_000L + i;
                item.setLong(1, i + 1);
                item.setString(2, WebhookCalls.STORE);
                item.setString(3, "old-" + i);
                item.setLong(4, at);
                item.setLong(5, at);
                item.setLong(6, at);
                item.addBatch();
                event.setString(1, WebhookCalls.STORE);
                event.setString(2, "old-" + i);
                event.setString(3, "wh-old-" + i);
                event.setLong(4, at);
                event.setLong(5, i + 1);
                event.setString(6, String.format(BODY, i, WebhookCalls.STORE));
                event.addBatch();
                if (i % 10 == 0) {
                  failure.setLong(1, i + 1);
                  failure.setString(2, failedCall);
                  failure.setLong(3, at);
                  failure.addBatch();
                }
              }
              item.executeBatch();
              event.executeBatch();
              failure.executeBatch();
            }
            return null;
          });
    }
  }

  /**
   * Events/s, p50 and p99 of {@code EventIntake.record} from one thread while {@code work} runs.
   */
  private record IntakeLoad(long events, double seconds, double p50Ms, double p99Ms) {
    @Override
    public String toString() {
      return String.format("%.0f/s, %.1f ms, %.1f ms", events / seconds, p50Ms, p99Ms);
    }
  }

  private static IntakeLoad intakeFor(EventIntake intake, String label, Runnable work)
      throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    long[][] latencies = {new long[1 << 16]};
    int[] count = {0};
    Thread load =
        new Thread(
            () -> {
              while (running.get()) {
                String id = label + "-" + count[0];
                long start = System.nanoTime();
                IntakeResult result =
                    intake.record(
                        new IncomingEvent(
                            new EntityRef(WebhookCalls.STORE, "order", id),
                            "store/order/created",
                            "stores/" + WebhookCalls.STORE,
                            null,
                            "hash-" + id,
                            null,
                            String.format(BODY, count[0], WebhookCalls.STORE)));
                long took = System.nanoTime() - start;
                if (!(result instanceof IntakeResult.Accepted)) {
                  throw new AssertionError("intake refused " + id + ": " + result);
                }
                if (count[0] == latencies[0].length) {
                  latencies[0] = Arrays.copyOf(latencies[0], count[0] * 2);
                }
                latencies[0][count[0]++] = took;
              }
            },
            "bench-intake");
    long start = System.nanoTime();
    load.start();
    try {
      work.run();
    } finally {
      running.set(false);
      load.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = Arrays.copyOf(latencies[0], count[0]);
    Arrays.sort(sorted);
    return new IntakeLoad(
        sorted.length, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
  }

  private static double percentile(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
