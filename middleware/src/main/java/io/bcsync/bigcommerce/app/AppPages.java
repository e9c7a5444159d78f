package io.bcsync.bigcommerce.app;

import java.util.Optional;

/**
 * The HTML the control panel shows in its iframe. Every dynamic value is escaped; styles come from
 * {@code /bc/static/app.css} and the overview's script from {@code /bc/static/} (AppOverviewPage),
 * nothing inline, so the pages work under a strict Content-Security-Policy.
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

  static String error(String title, String message) {
    return page(title, "<h1>" + escape(title) + "</h1><p>" + escape(message) + "</p>");
  }

  /** A page of one panel (the installed and error pages). */
  private static String page(String title, String body) {
    return page(
        title, "", "<main class=\"page\"><section class=\"panel\">" + body + "</section></main>");
  }

  /**
   * A whole page: {@code head} adds to the head (stylesheets, the module script), {@code body} is
   * already escaped HTML. Styles come from app.css, never inline: the CSP (AppPageHeaders) allows
   * only this server's stylesheets and scripts.
   */
  static String page(String title, String head, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + escape(title)
        + "</title>"
        + head
        + "<link rel=\"stylesheet\" href=\"/bc/static/app.css\"></head><body>"
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
