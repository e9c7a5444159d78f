package io.bcsync.bench;

import io.bcsync.sim.salesforce.SalesforceSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules run of issue 18's benchmark ({@code scripts/bench-sync --rules}): the shipped rules
 * switched on (campaigns for first, repeat, high-value and coupon orders) and a Case for every
 * Declined order, in the bench store's sync mapping file. The high-value threshold is the total
 * that exactly 5 % of the burst's orders reach, so the orders fire the shares the issue names.
 */
final class OrderRules {
  static final double HIGH_VALUE_SHARE = 0.05;

  private final Path mappingFile;
  private final BigDecimal threshold;
  private final long highValueOrders;
  private final long declinedOrders;
  private final int burstOrders;

  private OrderRules(
      Path mappingFile,
      BigDecimal threshold,
      long highValueOrders,
      long declinedOrders,
      int burstOrders) {
    this.mappingFile = mappingFile;
    this.threshold = threshold;
    this.highValueOrders = highValueOrders;
    this.declinedOrders = declinedOrders;
    this.burstOrders = burstOrders;
  }

  static OrderRules forBurst(
      List<OrderPlacement.PlannedOrder> orders, SyncBenchmark.Settings settings) {
    BigDecimal threshold = OrderPlacement.totalReachedBy(orders, HIGH_VALUE_SHARE);
    long highValue = orders.stream().filter(o -> o.total().compareTo(threshold) >= 0).count();
    long declined = orders.stream().filter(o -> o.statusId() == 6).count();
    String yaml =
        String.join(
            "\n",
            "# Written by the sync benchmark's rules run (scripts/bench-sync --rules).",
            "rules:",
            "  first_order_campaign: { enabled: true }",
            "  repeat_order_campaign: { enabled: true }",
            "  coupon_campaign: { enabled: true }",
            "  high_value_campaign:",
            "    enabled: true",
            "    trigger: { total_at_least: " + threshold.toPlainString() + " }",
            "  declined_payment_case:",
            "    enabled: true",
            "    trigger: payment_failed",
            "    actions:",
            "      - case: { reason: Payment Declined, origin: Web, priority: High }",
            "");
    Path file = settings.workDir().resolve("bench-rules.yml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SyncBenchmark.log(
        "rules on: high-value threshold %s (%d orders), %d Declined orders",
        threshold, highValue, declined);
    return new OrderRules(file, threshold, highValue, declined, orders.size());
  }

  Map<String, String> middlewareProperties() {
    return Map.of(
        "bcsync.bigcommerce.stores." + SyncBenchmark.STORE + ".sync-mapping",
        mappingFile.toAbsolutePath().toString());
  }

  /** What the rules did, as Markdown for the results. */
  String report(SalesforceSimulator sf) {
    return String.format(
        Locale.ROOT,
        "Rules on (the shipped campaign rules enabled, plus a Case rule on `payment_failed`):"
            + " high-value threshold %s, reached by %d orders (%.1f %%); %d Declined orders (%.1f %%)."
            + " In Salesforce after the run: %d Campaigns, %d CampaignMembers, %d Cases.%n%n",
        threshold.toPlainString(),
        highValueOrders,
        100.0 * highValueOrders / burstOrders,
        declinedOrders,
        100.0 * declinedOrders / burstOrders,
        countOf(sf, "Campaign"),
        countOf(sf, "CampaignMember"),
        countOf(sf, "Case"));
  }

  private static int countOf(SalesforceSimulator sf, String entity) {
    return sf.count(entity);
  }
}
