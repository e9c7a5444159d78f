package io.bcsync.bigcommerce.app;

import static io.bcsync.bigcommerce.app.AppPages.escape;

import io.bcsync.console.ConsoleFormat;
import io.bcsync.console.OperatorOverview.Quota;
import io.bcsync.console.OperatorOverview.StoreError;
import io.bcsync.console.OperatorOverview.StoreOverview;
import io.bcsync.console.OperatorOverview.StoreView;
import io.bcsync.console.OperatorOverview.StreamingSummary;
import io.bcsync.sync.port.SalesforceLink;

/**
 * The app page after a verified load: the console overview of that one store, in the control
 * panel's look. The server renders the figures as they are at the load; {@code
 * /bc/static/app-overview.js} then polls {@code /bc/api/stores/{store}/overview} with the page's
 * token (the {@code data-token} attribute, {@link AppPageTokens}) and redraws them and the uPlot
 * chart. Ids and classes here are what the script and the browser tests address.
 */
final class AppOverviewPage {
  static final long REFRESH_SECONDS = 5;

  /**
   * No connect button: connecting chooses the org every store writes to, and anyone who can open
   * this page could press it (issue 16). Only a bcsync administrator connects.
   */
  static final String WHO_CONNECTS =
      "<p class=\"hint\">Only your bcsync administrator can connect or change the Salesforce org.</p>";

  private AppOverviewPage() {}

  static String render(
      String userEmail,
      String token,
      StoreView view,
      StoreStatus.Summary status,
      SalesforceLink.View salesforce) {
    StoreOverview store = view.store();
    String head =
        "<link rel=\"stylesheet\" href=\"/bc/uplot/uPlot.min.css\">"
            + "<script type=\"module\" src=\"/bc/static/app-overview.js\"></script>";
    String body =
        "<main class=\"page\" id=\"app-overview\" data-store=\""
            + escape(store.store())
            + "\" data-token=\""
            + escape(token)
            + "\" data-refresh-seconds=\""
            + REFRESH_SECONDS
            + "\">"
            + "<header class=\"page-header\"><h1>bcsync</h1><p class=\"who\">Store <code>"
            + escape(store.store())
            + "</code>, signed in as "
            + escape(userEmail)
            + "</p><p class=\"hint\">Refreshes every "
            + REFRESH_SECONDS
            + " seconds. <span id=\"refreshed\" aria-live=\"polite\">As of "
            + when(view.generatedAtMs())
            + "</span></p></header>"
            + status(store, view.streaming(), status, salesforce)
            + activity(store)
            + errors(view)
            + "</main>";
    return AppPages.page("bcsync", head, body);
  }

  private static String status(
      StoreOverview store,
      StreamingSummary streaming,
      StoreStatus.Summary status,
      SalesforceLink.View salesforce) {
    return "<section class=\"panel\" aria-labelledby=\"status-h\"><h2 id=\"status-h\">Status</h2>"
        + "<dl class=\"figures\">"
        + figure("BigCommerce", "bc-link", "<span class=\"ok\">Connected</span>")
        + figure(
            "Salesforce",
            "sf-link",
            "<span class=\""
                + (salesforce.connected() ? "ok" : "warn")
                + "\">"
                + escape(salesforce.description())
                + "</span>")
        + figure("Waiting in the queue", "q-open", String.valueOf(store.open()))
        + figure("Oldest waiting item", "q-oldest", ConsoleFormat.age(store.oldestOpenAgeSeconds()))
        + figure("BigCommerce API budget left", "rate-budget", budget(store.quota()))
        + figure("Salesforce change events", "streaming", escape(streaming(streaming)))
        + figure("Dead letters (all time)", "dead-letters", String.valueOf(status.deadLetters()))
        + figure(
            "Last record synced",
            "last-sync",
            status.lastSyncMs().map(AppOverviewPage::when).orElse("never"))
        + figure(
            "Last catch-up check",
            "last-poll",
            status.lastPollMs().map(AppOverviewPage::when).orElse("not yet"))
        + "</dl>"
        + WHO_CONNECTS
        + "</section>";
  }

  private static String activity(StoreOverview store) {
    return "<section class=\"panel\" aria-labelledby=\"activity-h\">"
        + "<h2 id=\"activity-h\">Activity</h2>"
        + "<div class=\"window\" role=\"group\" aria-label=\"Chart window\">"
        + "<button type=\"button\" id=\"window-hour\" aria-pressed=\"true\">Last hour, per minute</button>"
        + "<button type=\"button\" id=\"window-day\" aria-pressed=\"false\">Last day, per 10 minutes</button>"
        + "</div>"
        + "<div id=\"chart\" class=\"chart\" role=\"img\" aria-label=\"Items received, synced,"
        + " synced after a retry and dead-lettered over time, this store; the totals are in the"
        + " table below\"></div>"
        + "<table id=\"totals\"><caption id=\"totals-caption\">Over the last hour</caption>"
        + "<thead><tr><th scope=\"col\">Changes received</th><th scope=\"col\">Records synced</th>"
        + "<th scope=\"col\">Synced after a retry</th><th scope=\"col\">Failed (dead letters)</th>"
        + "</tr></thead><tbody><tr><td class=\"received\">"
        + store.totals().received()
        + "</td><td class=\"synced\">"
        + store.totals().synced()
        + "</td><td class=\"retried\">"
        + store.totals().retried()
        + "</td><td class=\"dead\">"
        + store.totals().dead()
        + "</td></tr></tbody></table></section>";
  }

  private static String errors(StoreView view) {
    StringBuilder rows = new StringBuilder();
    for (StoreError error : view.recentErrors()) {
      rows.append("<tr><td>")
          .append(when(error.atMs()))
          .append("</td><td>")
          .append(escape(error.type() + " " + error.id()))
          .append("</td><td class=\"error-text\">")
          .append(escape(error.error()))
          .append("</td></tr>");
    }
    return "<section class=\"panel\" aria-labelledby=\"errors-h\">"
        + "<h2 id=\"errors-h\">Last errors</h2>"
        + "<p id=\"no-errors\" class=\"hint\""
        + (view.recentErrors().isEmpty() ? "" : " hidden")
        + ">No recent errors.</p>"
        + "<table id=\"errors\""
        + (view.recentErrors().isEmpty() ? " hidden" : "")
        + "><thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">Record</th>"
        + "<th scope=\"col\">Error</th></tr></thead><tbody>"
        + rows
        + "</tbody></table></section>";
  }

  private static String figure(String label, String id, String valueHtml) {
    return "<div><dt>" + escape(label) + "</dt><dd id=\"" + id + "\">" + valueHtml + "</dd></div>";
  }

  private static String when(long epochMs) {
    return escape(ConsoleFormat.time(epochMs));
  }

  static String budget(Quota quota) {
    return quota == null || quota.limit() < 0
        ? "not known yet"
        : quota.left() + " of " + quota.limit() + " requests";
  }

  static String streaming(StreamingSummary streaming) {
    if (!streaming.enabled()) {
      return "off";
    }
    if (streaming.channels() == 0) {
      return "on, no event received yet";
    }
    return "on, "
        + streaming.channels()
        + (streaming.channels() == 1 ? " channel" : " channels")
        + ", oldest position "
        + ConsoleFormat.age(streaming.oldestReplayAgeSeconds())
        + " old"
        + (streaming.nearRetention() ? " — near Salesforce's 72 h retention" : "");
  }
}
