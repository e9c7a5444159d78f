package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP control API used by the demo and by tests in other languages/processes. */
class ControlApiTest {
  static SalesforceSimulator sim;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    sim = TestOrgs.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static Object call(String method, String path, Object body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sim.controlUrl() + path))
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(200);
    return json.readValue(response.body(), Object.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void records_can_be_created_edited_read_and_deleted_as_a_user() throws Exception {
    Map<String, Object> created =
        (Map<String, Object>)
            call("POST", "/records/Account", Map.of("Name", "From control", "Phone", "1"));
    String id = (String) created.get("id");
    assertThat(created).containsEntry("success", true);

    call("PATCH", "/records/Account/" + id, Map.of("Phone", "2"));
    Map<String, Object> record = (Map<String, Object>) call("GET", "/records/Account/" + id, null);
    List<Map<String, Object>> all =
        (List<Map<String, Object>>) call("GET", "/records/Account", null);
    List<Map<String, Object>> changes =
        (List<Map<String, Object>>) call("GET", "/changes?recordId=" + id, null);

    assertThat(record)
        .containsEntry("Phone", "2")
        .containsEntry("LastModifiedById", sim.adminUser().id());
    assertThat(all).anyMatch(r -> id.equals(r.get("Id")));
    assertThat(changes).extracting(c -> c.get("changeOrigin")).containsExactly("", "");
    assertThat((Map<String, Object>) call("DELETE", "/records/Account/" + id, null))
        .containsEntry("success", true);
    assertThat(sim.record(id)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void api_calls_faults_sessions_and_clock() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);
    call("DELETE", "/api-calls", null);
    connection.create(new SObject[] {sobject("Contact", Map.of("LastName", "Counted"))});
    assertThat((Map<String, Object>) call("GET", "/api-calls", null))
        .containsEntry("create Contact", 1);

    call(
        "POST",
        "/faults",
        Map.of("operation", "create", "code", "REQUEST_LIMIT_EXCEEDED", "times", 1));
    assertThatThrownBy(
            () ->
                connection.create(
                    new SObject[] {sobject("Contact", Map.of("LastName", "Limited"))}))
        .isInstanceOfSatisfying(
            UnexpectedErrorFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED));
    call("DELETE", "/faults", null);

    call("POST", "/sessions/expire", Map.of("token", connection.getConfig().getSessionId()));
    assertThatThrownBy(connection::getUserInfo)
        .isInstanceOfSatisfying(
            UnexpectedErrorFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));

    String before = (String) ((Map<String, Object>) call("GET", "/clock", null)).get("now");
    String after =
        (String) ((Map<String, Object>) call("POST", "/clock", Map.of("seconds", 3600))).get("now");
    assertThat(java.time.Instant.parse(after))
        .isAfter(java.time.Instant.parse(before).plusSeconds(3599));
  }

  @Test
  @SuppressWarnings("unchecked")
  void org_info_and_gap_events() throws Exception {
    Map<String, Object> org = (Map<String, Object>) call("GET", "/org", null);
    assertThat(org).containsEntry("orgId", sim.orgId()).containsEntry("cometdUrl", sim.cometdUrl());

    Map<String, Object> gap =
        (Map<String, Object>)
            call(
                "POST",
                "/streaming/gap",
                Map.of(
                    "entity",
                    "Account",
                    "recordIds",
                    List.of("001000000000000AAA"),
                    "changeType",
                    "GAP_DELETE"));
    assertThat(gap).containsEntry("published", true);
    assertThat(sim.retainedEvents()).isNotEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void streaming_daily_limit_can_be_switched_on_and_off() throws Exception {
    String token = TestOrgs.login(sim).getConfig().getSessionId();
    try (TestStreamingClient client = new TestStreamingClient(sim, token)) {
      client.handshake();
      Map<String, Object> on =
          (Map<String, Object>) call("POST", "/streaming/daily-limit", Map.of("exceeded", true));
      assertThat(on).containsEntry("dailyLimitExceeded", true);
      try {
        Message refused = client.subscribe("/data/ContactChangeEvent", -1);
        assertThat(refused.get(Message.ERROR_FIELD))
            .isEqualTo("403::Organization total events daily limit exceeded");
        Map<String, Object> stats = (Map<String, Object>) call("GET", "/streaming/stats", null);
        assertThat(((Number) stats.get("subscribes")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) stats.get("handshakes")).longValue()).isGreaterThanOrEqualTo(1);
      } finally {
        Map<String, Object> off =
            (Map<String, Object>) call("DELETE", "/streaming/daily-limit", null);
        assertThat(off).containsEntry("dailyLimitExceeded", false);
      }
      assertThat(client.subscribe("/data/ContactChangeEvent", -1).isSuccessful()).isTrue();
    }
  }
}
