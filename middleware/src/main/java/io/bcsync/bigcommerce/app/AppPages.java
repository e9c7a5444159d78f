package io.bcsync.bigcommerce.app;

import io.bcsync.sync.port.SalesforceLink;
import java.time.Instant;
import java.util.Optional;

/**
 * The HTML the control panel shows in its iframe. Every dynamic value is escaped; there is no
 * script, so the page works under a strict Content-Security-Policy.
 */
final class AppPages {
  private AppPages() {}

  static String installed(String storeHash, Optional<String> hookProblem) {
    String hooks =
        hookProblem.isEmpty()
            ? "<p>Webhooks are registered: changes in your store now reach bcsync within seconds.</p>"
            : "<p class=\"warn\">Webhooks could not be registered yet ("
                + escape(hookProblem.get())
                + "). bcsync retries automatically; until then changes are picked up by the periodic catch-up.</p>";
    return page(
        "bcsync installed",
        "<h1>bcsync is installed</h1><p>Store <code>"
            + escape(storeHash)
            + "</code> is connected.</p>"
            + hooks
            + "<p>Next: your bcsync administrator connects the Salesforce org.</p>");
  }

  static String dashboard(
      String storeHash,
      String userEmail,
      StoreStatus.Summary summary,
      SalesforceLink.View salesforce) {
    StringBuilder failures = new StringBuilder();
    if (summary.recentFailures().isEmpty()) {
      failures.append("<p>No recent failures.</p>");
    } else {
      failures.append("<table><tr><th>Record</th><th>Error</th><th>When (UTC)</th></tr>");
      for (StoreStatus.Failure failure : summary.recentFailures()) {
        failures
            .append("<tr><td>")
            .append(escape(failure.entity()))
            .append("</td><td>")
            .append(escape(failure.error()))
            .append("</td><td>")
            .append(time(failure.atMs()))
            .append("</td></tr>");
      }
      failures.append("</table>");
    }
    String body =
        "<h1>bcsync</h1>"
            + "<p class=\"who\">Store <code>"
            + escape(storeHash)
            + "</code>, signed in as "
            + escape(userEmail)
            + "</p>"
            + "<h2>Connections</h2><table>"
            + "<tr><th>BigCommerce</th><td class=\"ok\">Connected</td></tr>"
            + "<tr><th>Salesforce</th><td class=\""
            + (salesforce.connected() ? "ok" : "warn")
            + "\">"
            + escape(salesforce.description())
            + "</td></tr></table>"
            + WHO_CONNECTS
            + "<h2>Sync</h2><table>"
            + "<tr><th>Last record synced</th><td>"
            + summary.lastSyncMs().map(AppPages::time).orElse("never")
            + "</td></tr>"
            + "<tr><th>Last catch-up check</th><td>"
            + summary.lastPollMs().map(AppPages::time).orElse("not yet")
            + "</td></tr>"
            + "<tr><th>Waiting in the queue</th><td>"
            + summary.queued()
            + "</td></tr>"
            + "<tr><th>Dead letters</th><td>"
            + summary.deadLetters()
            + "</td></tr></table>"
            + "<h2>Last hour</h2><table id=\"last-hour\">"
            + "<tr><th>Changes received</th><td class=\"received\">"
            + summary.lastHour().received()
            + "</td></tr><tr><th>Records synced</th><td class=\"synced\">"
            + summary.lastHour().synced()
            + "</td></tr><tr><th>Synced after a retry</th><td>"
            + summary.lastHour().retried()
            + "</td></tr><tr><th>Failed (dead letters)</th><td>"
            + summary.lastHour().dead()
            + "</td></tr></table>"
            + "<h2>Recent failures</h2>"
            + failures;
    return page("bcsync", body);
  }

  /**
   * No connect button: connecting chooses the org every store writes to, and anyone who can open
   * this page could press it (issue 16). Only a bcsync administrator connects.
   */
  private static final String WHO_CONNECTS =
      "<p class=\"hint\">Only your bcsync administrator can connect or change the Salesforce org.</p>";

  static String error(String title, String message) {
    return page(title, "<h1>" + escape(title) + "</h1><p>" + escape(message) + "</p>");
  }

  private static String time(long epochMs) {
    return escape(Instant.ofEpochMilli(epochMs).toString());
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title>"
        + "<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}"
        + "th,td{text-align:left;padding:.3rem .8rem;border-bottom:1px solid #ddd}.ok{color:#16794a}"
        + ".warn{color:#a15c00}.button{display:inline-block;padding:.4rem .9rem;border-radius:4px;background:#3c64f4;"
        + "color:#fff}.disabled{background:#aab}.hint{color:#666}</style></head><body>"
        + body
        + "</body></html>";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
