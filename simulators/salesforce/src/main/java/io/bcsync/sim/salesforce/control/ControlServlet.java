package io.bcsync.sim.salesforce.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /__control: JSON API for tests and the demo, mirroring SalesforceSimulator's Java control
 * methods. Not part of Salesforce; there is no authentication because it only listens where the
 * simulator does.
 */
public final class ControlServlet extends HttpServlet {
  private final transient SalesforceSimulator sim;
  private final transient ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public ControlServlet(SalesforceSimulator sim) {
    this.sim = sim;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    String[] parts = path.replaceFirst("^/", "").split("/");
    try {
      Object result = route(req.getMethod(), parts, req);
      if (result == null) {
        resp.sendError(404, "No control endpoint " + req.getMethod() + " " + path);
        return;
      }
      resp.setStatus(200);
      resp.setContentType("application/json;charset=UTF-8");
      json.writeValue(resp.getOutputStream(), result);
    } catch (IllegalArgumentException e) {
      resp.setStatus(400);
      resp.setContentType("application/json;charset=UTF-8");
      json.writeValue(resp.getOutputStream(), Map.of("error", String.valueOf(e.getMessage())));
    }
  }

  private Object route(String method, String[] p, HttpServletRequest req) throws IOException {
    String first = p[0];
    String key = method + " " + first + (p.length > 1 ? "/" + p[1] : "");
    return switch (first) {
      case "org" -> method.equals("GET") ? org() : null;
      case "records" -> records(method, p, req);
      case "api-calls" ->
          switch (method) {
            case "GET" -> sim.apiCalls();
            case "DELETE" -> {
              sim.resetApiCalls();
              yield Map.of("reset", true);
            }
            default -> null;
          };
      case "api-limit" -> {
        if (!(body(req).get("dailyLimit") instanceof Number limit)) {
          throw new IllegalArgumentException("body needs {\"dailyLimit\": n}");
        }
        sim.setDailyApiLimit(limit.longValue());
        yield Map.of("dailyLimit", limit);
      }
      case "faults" -> faults(method, req);
      case "sessions" -> sessions(key, req);
      case "streaming" -> streaming(key, req);
      case "clock" -> clock(method, req);
      case "changes" -> {
        String recordId = req.getParameter("recordId");
        yield recordId == null
            ? sim.changes()
            : sim.changes().stream().filter(c -> c.recordId().equals(recordId)).toList();
      }
      default -> null;
    };
  }

  private Map<String, Object> org() {
    Map<String, Object> org = new LinkedHashMap<>();
    org.put("orgId", sim.orgId());
    org.put("isSandbox", sim.isSandbox());
    org.put("instanceUrl", sim.baseUrl());
    org.put("loginUrl", sim.loginUrl());
    org.put("tokenUrl", sim.tokenUrl());
    org.put("cometdUrl", sim.cometdUrl());
    org.put("standardPricebookId", sim.standardPricebookId());
    org.put("integrationUser", sim.integrationUser().username());
    return org;
  }

  private Object records(String method, String[] p, HttpServletRequest req) throws IOException {
    if (p.length < 2) {
      return null;
    }
    String type = p[1];
    String id = p.length > 2 ? p[2] : null;
    return switch (method) {
      case "GET" -> id == null ? sim.records(type) : sim.record(id).orElse(null);
      case "POST" -> sim.createAsUser(type, body(req));
      case "PATCH" -> id == null ? null : sim.updateAsUser(id, body(req));
      case "DELETE" -> id == null ? null : sim.deleteAsUser(id);
      default -> null;
    };
  }

  private Object faults(String method, HttpServletRequest req) throws IOException {
    if (method.equals("DELETE")) {
      sim.faults().clear();
      return Map.of("cleared", true);
    }
    if (!method.equals("POST")) {
      return null;
    }
    Map<String, Object> body = body(req);
    String operation = String.valueOf(body.getOrDefault("operation", "*"));
    int times = ((Number) body.getOrDefault("times", 1)).intValue();
    if (body.get("latencyMs") instanceof Number latency) {
      sim.faults().addLatency(operation, Duration.ofMillis(latency.longValue()), times);
    }
    if (FaultInjector.LOSE_RESPONSE.equals(body.get("code"))) {
      long hold = body.get("holdMs") instanceof Number n ? n.longValue() : 0;
      sim.faults()
          .loseResponses(operation, (String) body.get("sobject"), times, Duration.ofMillis(hold));
    } else if (body.get("code") instanceof String code) {
      sim.faults().failNext(operation, (String) body.get("sobject"), code, times);
    }
    return Map.of("accepted", true);
  }

  private Object sessions(String key, HttpServletRequest req) throws IOException {
    Object token = body(req).get("token");
    return switch (key) {
      case "POST sessions/expire" -> {
        if (token == null) {
          sim.expireAllSessions();
          yield Map.of("expired", "all");
        }
        yield Map.of("expired", sim.expireSession(token.toString()));
      }
      case "POST sessions/revoke" -> {
        if (token == null) {
          sim.revokeAllSessions();
          yield Map.of("revoked", "all");
        }
        yield Map.of("revoked", sim.revokeToken(token.toString()));
      }
      default -> null;
    };
  }

  @SuppressWarnings("unchecked")
  private Object streaming(String key, HttpServletRequest req) throws IOException {
    return switch (key) {
      case "POST streaming/drop-clients" -> Map.of("dropped", sim.dropStreamingClients());
      case "GET streaming/events" -> sim.retainedEvents();
      case "GET streaming/stats" -> streamingStats();
      case "POST streaming/daily-limit" -> {
        Object exceeded = body(req).get("exceeded");
        if (!(exceeded instanceof Boolean flag)) {
          throw new IllegalArgumentException("body needs {\"exceeded\": true|false}");
        }
        sim.setStreamingDailyLimitExceeded(flag);
        yield streamingStats();
      }
      case "DELETE streaming/daily-limit" -> {
        sim.setStreamingDailyLimitExceeded(false);
        yield streamingStats();
      }
      case "POST streaming/gap" -> {
        Map<String, Object> body = body(req);
        yield Map.of(
            "published",
            sim.publishGapEvent(
                String.valueOf(body.get("entity")),
                (List<String>) body.getOrDefault("recordIds", List.of()),
                String.valueOf(body.getOrDefault("changeType", "GAP_UPDATE"))));
      }
      default -> null;
    };
  }

  private Map<String, Object> streamingStats() {
    return Map.of(
        "clients",
        sim.streamingClients(),
        "handshakes",
        sim.streamingHandshakes(),
        "subscribes",
        sim.streamingSubscribes(),
        "dailyLimitExceeded",
        sim.isStreamingDailyLimitExceeded());
  }

  private Object clock(String method, HttpServletRequest req) throws IOException {
    if (method.equals("POST")) {
      Number seconds = (Number) body(req).get("seconds");
      if (seconds == null) {
        throw new IllegalArgumentException("body needs {\"seconds\": n}");
      }
      sim.advanceTime(Duration.ofSeconds(seconds.longValue()));
    }
    return Map.of("now", sim.now().toString());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> body(HttpServletRequest req) throws IOException {
    Object cached = req.getAttribute("bcsync.body");
    if (cached == null) {
      byte[] bytes = req.getInputStream().readAllBytes();
      cached = bytes.length == 0 ? Map.of() : json.readValue(bytes, Map.class);
      req.setAttribute("bcsync.body", cached);
    }
    return (Map<String, Object>) cached;
  }
}
