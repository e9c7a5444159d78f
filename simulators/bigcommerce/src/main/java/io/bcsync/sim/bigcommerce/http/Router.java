package io.bcsync.sim.bigcommerce.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches "METHOD /segment/{param}" templates against request paths. Literal segments win over
 * parameters so "/v3/hooks/admin" is not taken for a hook id.
 */
public final class Router {
  private final List<Route> routes = new ArrayList<>();

  public Router add(String method, String template, Handler handler) {
    return add(method, template, null, handler);
  }

  /**
   * Registers a route whose concurrent calls per store are capped, as some BigCommerce endpoints
   * are.
   */
  public Router add(String method, String template, String concurrencyKey, Handler handler) {
    routes.add(new Route(method, template, concurrencyKey, handler));
    return this;
  }

  public Optional<Match> match(String method, String path) {
    String[] segments = split(path);
    Match best = null;
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (!route.method.equals(method)) {
        continue;
      }
      if (best == null || route.literalCount > best.route.literalCount) {
        best = new Match(route, params);
      }
    }
    if (best == null && pathKnown) {
      return Optional.of(Match.methodNotAllowed());
    }
    return Optional.ofNullable(best);
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }

  /** A template bound to a handler. */
  public static final class Route {
    private final String method;
    private final String template;
    private final String[] segments;
    private final int literalCount;
    private final String concurrencyKey;
    private final Handler handler;

    Route(String method, String template, String concurrencyKey, Handler handler) {
      this.method = method;
      this.template = template;
      this.segments = split(template);
      int literals = 0;
      for (String s : segments) {
        if (!s.startsWith("{")) {
          literals++;
        }
      }
      this.literalCount = literals;
      this.concurrencyKey = concurrencyKey;
      this.handler = handler;
    }

    Map<String, String> match(String[] path) {
      if (path.length != segments.length) {
        return null;
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < path.length; i++) {
        String s = segments[i];
        if (s.startsWith("{")) {
          params.put(s.substring(1, s.length() - 1), path[i]);
        } else if (!s.equals(path[i])) {
          return null;
        }
      }
      return params;
    }

    public String template() {
      return template;
    }

    public String concurrencyKey() {
      return concurrencyKey;
    }

    public Handler handler() {
      return handler;
    }

    public String method() {
      return method;
    }
  }

  /** A matched route, or the marker that the path exists with other methods only. */
  public record Match(Route route, Map<String, String> params) {
    static Match methodNotAllowed() {
      return new Match(null, Map.of());
    }

    public boolean isMethodNotAllowed() {
      return route == null;
    }
  }
}
