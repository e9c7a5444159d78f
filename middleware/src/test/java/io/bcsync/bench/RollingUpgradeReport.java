package io.bcsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the rolling-upgrade check's results file: per scenario, the schema before and after the
 * newer instance joined, whether every order reached Salesforce once, the work items' final
 * statuses, and what each build's lease recovery took back.
 */
final class RollingUpgradeReport {
  private final SyncBenchmark.Settings settings;
  private final String oldVersion;
  private final String newVersion;

  RollingUpgradeReport(SyncBenchmark.Settings settings, String oldVersion, String newVersion) {
    this.settings = settings;
    this.oldVersion = oldVersion;
    this.newVersion = newVersion;
  }

  void write(List<RollingUpgradeCheck.Outcome> outcomes) throws IOException {
    StringBuilder md = new StringBuilder("# Rolling upgrade across V39\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Checked by `scripts/check-rolling-upgrade` on %s (%d cores; load average before the run: %s).%n%n",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("bench.loadavg", "?")));
    md.append(
        String.format(
            Locale.ROOT,
            "Setup, per scenario: fresh simulators and a fresh MariaDB database. An instance of the older build"
                + " (%s) starts alone and migrates the schema to its last version; an instance of this build"
                + " (%s) starts beside it, behind the same hook destination, and migrates the schema further while"
                + " the older one runs. Then %d orders from %d customers are placed at once (BigCommerce quota %d"
                + " requests/30 s) and drain through both until every order's webhook is acknowledged and half of the"
                + " orders are in Salesforce (the store's one hook destination is the older instance); then the older"
                + " instance is stopped with SIGTERM (graceful shutdown) and this build drains the rest alone."
                + " The check waits until every order is in Salesforce,"
                + " lets late work settle, and reads the work items' statuses from the database and each"
                + " instance's lease recoveries from its log. The check fails when an order is missing, a"
                + " Salesforce record shares an external id with another, or a work item ends dead-lettered or"
                + " open.%n%n",
            oldVersion,
            newVersion,
            settings.orders(),
            settings.customers(),
            settings.bcQuota()));
    md.append("| measure |");
    outcomes.forEach(outcome -> md.append(' ').append(outcome.scenario().name()).append(" |"));
    md.append("\n|---|");
    outcomes.forEach(outcome -> md.append("---|"));
    md.append('\n');
    row(md, "what it runs", outcomes, outcome -> outcome.scenario().why());
    row(
        md,
        "schema: older build alone, then with this build",
        outcomes,
        outcome -> "V" + outcome.schemaBefore() + " → V" + outcome.schemaAfter());
    row(
        md,
        "orders in Salesforce / placed",
        outcomes,
        outcome -> outcome.burst().ordersInSalesforce() + " / " + outcome.burst().orders());
    row(
        md,
        "older instance stopped (SIGTERM) at: orders in Salesforce; its shutdown took; its exit",
        outcomes,
        outcome ->
            String.format(
                Locale.ROOT,
                "%d; %.1f s; %s",
                outcome.replacement().ordersAtStop,
                outcome.replacement().shutdown.toMillis() / 1000.0,
                outcome.replacement().exit));
    row(
        md,
        "time to drain",
        outcomes,
        outcome ->
            String.format(Locale.ROOT, "%.1f s", outcome.burst().drain().toMillis() / 1000.0));
    row(
        md,
        "Salesforce records sharing an external id",
        outcomes,
        outcome -> String.valueOf(SalesforceDuplicates.total(outcome.duplicates())));
    row(md, "work items by final status", outcomes, outcome -> statuses(outcome.itemsByStatus()));
    row(
        md,
        "work items attempted more than once",
        outcomes,
        outcome -> String.valueOf(outcome.itemsClaimedMoreThanOnce()));
    row(
        md,
        "most attempts of one item (dead letter at `max-attempts`, 8)",
        outcomes,
        outcome -> String.valueOf(outcome.mostAttempts()));
    row(
        md,
        "per instance, from its log: items its lease recovery returned to the queue / dead-lettered /"
            + " outcomes refused as no longer held / items of batches a flow failed as a whole",
        outcomes,
        outcome ->
            outcome.recoveriesByInstance().entrySet().stream()
                .map(
                    e ->
                        e.getKey()
                            + " "
                            + e.getValue()[0]
                            + " / "
                            + e.getValue()[1]
                            + " / "
                            + e.getValue()[2]
                            + " / "
                            + e.getValue()[3])
                .collect(Collectors.joining("; ")));
    row(
        md,
        "result",
        outcomes,
        outcome ->
            outcome.failures().isEmpty()
                ? "passed"
                : "**FAILED**: " + String.join("; ", outcome.failures()));
    md.append('\n');
    Files.writeString(settings.output(), md.toString());
    SyncBenchmark.log("wrote %s", settings.output());
  }

  private static void row(
      StringBuilder md,
      String measure,
      List<RollingUpgradeCheck.Outcome> outcomes,
      java.util.function.Function<RollingUpgradeCheck.Outcome, String> value) {
    md.append("| ").append(measure).append(" |");
    outcomes.forEach(outcome -> md.append(' ').append(value.apply(outcome)).append(" |"));
    md.append('\n');
  }

  private static String statuses(Map<String, Integer> byStatus) {
    return byStatus.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
