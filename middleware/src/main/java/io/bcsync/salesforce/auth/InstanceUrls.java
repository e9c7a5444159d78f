package io.bcsync.salesforce.auth;

import io.bcsync.http.LogSafe;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which instance URLs a token response may name. The access token is sent to that host on every
 * call, so a forged or misrouted token response must not be able to point bcsync (and its token) at
 * an arbitrary server: only HTTPS Salesforce hosts are accepted, or the exact origin of the
 * configured login URL (a My Domain login host, or the simulator the demo and the tests configure
 * as {@code login-url}; nothing else local is ever accepted).
 */
public final class InstanceUrls {
  /**
   * Salesforce's hosts: login, instances and My Domains ({@code *.my.salesforce.com}, {@code
   * *.sandbox.my.salesforce.com}), Lightning and Visualforce ({@code *.force.com}).
   */
  private static final List<String> SALESFORCE_SUFFIXES = List.of(".salesforce.com", ".force.com");

  private InstanceUrls() {}

  /**
   * @return {@code instanceUrl} without a trailing slash
   * @throws SalesforceAuthException (not retryable) naming the refused URL, shortened and escaped
   */
  public static String requireTrusted(String instanceUrl, String loginUrl) {
    URI uri = parse(instanceUrl);
    if (uri == null
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
        || !(sameOrigin(uri, parse(loginUrl)) || salesforceHttps(uri))) {
      throw new SalesforceAuthException(
          "Refusing the token response: its instance_url "
              + LogSafe.printable(instanceUrl, 120)
              + " is not an HTTPS Salesforce host (*.salesforce.com, *.force.com) nor the"
              + " configured bcsync.salesforce.login-url",
          false,
          null);
    }
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static boolean salesforceHttps(URI uri) {
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      return false;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return SALESFORCE_SUFFIXES.stream().anyMatch(host::endsWith);
  }

  private static boolean sameOrigin(URI a, URI b) {
    return b != null
        && b.getHost() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static URI parse(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      return uri.getScheme() == null ? null : uri;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
