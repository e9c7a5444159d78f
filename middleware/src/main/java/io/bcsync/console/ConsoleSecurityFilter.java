package io.bcsync.console;

import io.bcsync.console.ConsoleSessions.Session;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's gate and headers. Every console path but the sign-in page and the static files
 * needs a live session cookie: a page request without one is sent to sign in, anything else gets
 * 401. A state-changing request whose {@code Origin} is not this server's is refused before it
 * reaches a controller (the CSRF token, checked by {@link ConsoleController} on every form, is the
 * main defence; this also covers the sign-in form, which has no session yet). Every answer carries
 * a strict Content-Security-Policy: scripts, styles and requests from this origin only, no inline
 * script or style, never framed ({@code /bc/*} has its own policy: AppPageHeaders).
 */
@ServerFilter({
  "/",
  "/sign-in",
  "/sign-out",
  "/failed",
  "/failed/**",
  "/console/**",
  "/timeline",
  "/reviews",
  "/reviews/**",
  "/backfill",
  "/backfill/**",
  "/connections",
  "/connections/**"
})
public class ConsoleSecurityFilter {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurityFilter.class);

  static final String COOKIE = "bcsync_console";
  static final String SESSION_ATTRIBUTE = "bcsync.console.session";
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private final ConsoleSessions sessions;

  public ConsoleSecurityFilter(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
    String path = request.getPath();
    boolean changesState = !isSafe(request.getMethod());
    if (changesState && !sameOrigin(request)) {
      LOG.warn("Refused console {} {} from another origin", request.getMethod(), path);
      return HttpResponse.status(HttpStatus.FORBIDDEN)
          .body(Map.of("error", "forbidden", "message", "cross-origin request refused"));
    }
    if (isPublic(path)) {
      return null;
    }
    Optional<Session> session =
        request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(sessions::find);
    if (session.isPresent()) {
      request.setAttribute(SESSION_ATTRIBUTE, session.get());
      return null;
    }
    if (!changesState && !path.startsWith("/console/")) {
      return HttpResponse.seeOther(URI.create("/sign-in"));
    }
    LOG.warn("Refused console {} {} without a session", request.getMethod(), path);
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .body(Map.of("error", "unauthorized", "message", "sign in to the console first"));
  }

  @ResponseFilter
  public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
    response.header("Content-Security-Policy", CSP);
    response.header("X-Frame-Options", "DENY");
    response.header("Referrer-Policy", "same-origin");
    response.header("X-Content-Type-Options", "nosniff");
    if (!isStatic(request.getPath())) {
      // Pages show customer data and carry the CSRF token: never kept by a cache or the back
      // button.
      response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }

  private static boolean isSafe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD;
  }

  private static boolean isPublic(String path) {
    return path.equals("/sign-in") || isStatic(path);
  }

  private static boolean isStatic(String path) {
    return path.startsWith("/console/static/") || path.startsWith("/console/uplot/");
  }

  /**
   * Browsers send {@code Origin} with every cross-origin POST and with same-origin ones too; a
   * request without it (a script, an old client) is left to the CSRF token.
   */
  private static boolean sameOrigin(HttpRequest<?> request) {
    String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (origin == null) {
      return true;
    }
    String host = request.getHeaders().get(HttpHeaders.HOST);
    try {
      URI uri = URI.create(origin);
      String authority = uri.getAuthority();
      return host != null && authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Cookies are Secure except on a loopback host, where the demo runs over plain HTTP. */
  static boolean isLoopback(HttpRequest<?> request) {
    String host = request.getHeaders().get(HttpHeaders.HOST);
    if (host == null) {
      return false;
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host;
    int colon = name.startsWith("[") ? -1 : name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
  }
}
