package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "commit, then lose the response" fault: the call is carried out and its records stay, but the
 * caller never hears back, as when the network fails on the way back.
 */
class LostResponsesTest {
  static SalesforceSimulator sim;

  @BeforeAll
  static void start() {
    sim = TestOrgs.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void clearFaults() {
    sim.faults().clear();
  }

  /** A client that never resends a POST: chunked bodies are not replayed by the JDK. */
  private static PartnerConnection streamingClient(int readTimeoutMs) throws ConnectionException {
    ConnectorConfig config = TestOrgs.config(sim);
    config.setUseChunkedPost(true);
    PartnerConnection connection = new PartnerConnection(config);
    config.setReadTimeout(readTimeoutMs); // after the login, which may take longer on a cold JVM
    return connection;
  }

  private static SObject contact(String key, String lastName) {
    return sobject("Contact", Map.of("BC_Customer_Id__c", key, "LastName", lastName));
  }

  private static long contactsWithKey(String key) {
    return sim.records("Contact").stream()
        .filter(r -> key.equals(r.get("BC_Customer_Id__c")))
        .count();
  }

  @Test
  void the_upsert_commits_and_the_caller_sees_the_connection_end() throws Exception {
    PartnerConnection connection = streamingClient(20_000);
    String key = "lost-" + UUID.randomUUID();
    long calls = sim.apiCallCount("upsert", "Contact");
    int lost = sim.faults().lostResponses();
    sim.faults().loseResponses("upsert", "Contact", 1, Duration.ZERO);

    assertThatThrownBy(
            () -> connection.upsert("BC_Customer_Id__c", new SObject[] {contact(key, "First")}))
        .isInstanceOf(ConnectionException.class);

    assertThat(contactsWithKey(key)).as("committed although unanswered").isEqualTo(1);
    assertThat(sim.apiCallCount("upsert", "Contact")).isEqualTo(calls + 1);
    assertThat(sim.faults().lostResponses()).isEqualTo(lost + 1);

    UpsertResult again =
        connection.upsert("BC_Customer_Id__c", new SObject[] {contact(key, "Second")})[0];
    assertThat(again.isSuccess()).isTrue();
    assertThat(again.isCreated()).as("the retry finds the record of the lost call").isFalse();
    assertThat(contactsWithKey(key)).isEqualTo(1);
  }

  @Test
  void a_held_response_times_the_caller_out_after_the_commit() throws Exception {
    PartnerConnection connection = streamingClient(300);
    sim.faults().loseResponses("create", "Contact", 1, Duration.ofSeconds(30));
    String key = "held-" + UUID.randomUUID();

    assertThatThrownBy(() -> connection.create(new SObject[] {contact(key, "Held")}))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("timed out");

    assertThat(contactsWithKey(key)).isEqualTo(1);
  }

  @Test
  void only_the_named_operation_and_object_lose_their_responses() throws Exception {
    PartnerConnection connection = streamingClient(20_000);
    int lost = sim.faults().lostResponses();
    sim.faults().loseResponses("upsert", "Account", 1, Duration.ZERO);
    String key = "kept-" + UUID.randomUUID();

    assertThat(connection.create(new SObject[] {contact(key, "Create")})[0].isSuccess()).isTrue();
    assertThat(
            connection.upsert("BC_Customer_Id__c", new SObject[] {contact(key, "Upsert")})[0]
                .isSuccess())
        .isTrue();
    assertThat(sim.faults().lostResponses()).isEqualTo(lost);
  }

  @Test
  void a_client_that_buffers_the_post_resends_it_and_hides_the_loss() throws Exception {
    // force-wsc's default transport buffers the body, and the JDK's HttpURLConnection then sends
    // the POST once more on the same failure (sun.net.http.retryPost defaults to true): the call
    // runs twice, and the caller sees only the second answer. Clients must stream their POSTs.
    PartnerConnection connection = TestOrgs.login(sim);
    String key = "resent-" + UUID.randomUUID();
    long calls = sim.apiCallCount("upsert", "Contact");
    sim.faults().loseResponses("upsert", "Contact", 1, Duration.ZERO);

    UpsertResult result =
        connection.upsert("BC_Customer_Id__c", new SObject[] {contact(key, "Twice")})[0];

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.isCreated()).as("the resent call found the first one's record").isFalse();
    assertThat(sim.apiCallCount("upsert", "Contact")).isEqualTo(calls + 2);
  }

  @Test
  void the_control_api_sets_the_fault_per_object_and_operation() throws Exception {
    PartnerConnection connection = streamingClient(20_000);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sim.controlUrl() + "/faults"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            new ObjectMapper()
                                .writeValueAsString(
                                    Map.of(
                                        "operation", "delete",
                                        "sobject", "Contact",
                                        "code", "LOSE_RESPONSE",
                                        "times", 1,
                                        "holdMs", 0))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    String key = "deleted-" + UUID.randomUUID();
    String id = connection.create(new SObject[] {contact(key, "Gone")})[0].getId();

    assertThatThrownBy(() -> connection.delete(new String[] {id}))
        .isInstanceOf(ConnectionException.class);

    assertThat(contactsWithKey(key)).as("deleted although unanswered").isZero();
    assertThat(connection.delete(new String[] {id})[0].getErrors()[0].getStatusCode().name())
        .isEqualTo("ENTITY_IS_DELETED");
  }
}
