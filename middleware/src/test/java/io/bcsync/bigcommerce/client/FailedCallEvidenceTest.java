package io.bcsync.bigcommerce.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.db.Db;
import io.bcsync.pipeline.BatchProcessor;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.FailureLog;
import io.bcsync.pipeline.FailureLog.FailedAttempt;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.IntakeResult;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.SimulatedOrgTest;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.WebhookCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failure that is not a Salesforce record write keeps its call too (docs/console.md): a
 * BigCommerce API refusal with its request line, the body we sent and the status and body
 * BigCommerce answered; a Salesforce query fault with its SOQL and the fault. The real clients make
 * the calls (against both simulators) inside a work item's attempt, so the rows are the ones the
 * pipeline writes. No credential reaches the table: neither the store's {@code X-Auth-Token} value
 * nor the Salesforce session id, in any column.
 */
@MicronautTest(transactional = false)
class FailedCallEvidenceTest extends SimulatedOrgTest {
  static final String STORE_TOKEN = "tok-evidence-3f9a7c1e5b";

  @Inject EventIntake intake;
  @Inject BatchProcessor processor;
  @Inject ScriptedHandler handler;
  @Inject FailureLog failures;
  @Inject SalesforceRecords salesforce;
  @Inject SalesforceConnector connector;
  @Inject Db db;

  BigCommerceSimulator bc;
  SimulatedStore store;
  StoreClient client;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
    properties.put("test.scripted-handler", "true");
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.max-attempts", "3");
    properties.put("bcsync.pipeline.backoff-initial", "1ms");
    properties.put("bcsync.pipeline.backoff-max", "1ms");
    return properties;
  }

  @BeforeEach
  void setUp() {
    if (bc == null) {
      bc = BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults());
      store =
          bc.createStore(BigCommerceSimulator.StoreSpec.named("evid1").accessToken(STORE_TOKEN));
      BigCommerceTransport transport =
          new BigCommerceTransport(
              URI.create(bc.baseUrl()),
              BigCommerceClientConfig.defaults(),
              new QuotaMetrics(new SimpleMeterRegistry()),
              Clock.systemUTC(),
              RateBudget.Waiter.BLOCKING);
      client = new StoreClient(transport, store.hash(), STORE_TOKEN);
    }
    Tables.clear(db);
    handler.reset();
  }

  @AfterAll
  void stopStore() {
    if (bc != null) {
      bc.close();
    }
  }

  @Test
  void
      a_refused_bigcommerce_call_keeps_its_request_line_body_status_and_answer_without_the_token() {
    long itemId = enqueue("101");
    handler.script(
        batch -> {
          client.hooks().create("store/order/*", "http://localhost/x", Map.of());
          return ScriptedHandler.allSucceed(batch);
        });
    processor.processDueBatch();

    List<FailedAttempt> attempts = failures.attempts(List.of(itemId));
    assertThat(attempts).hasSize(1);
    FailedAttempt attempt = attempts.get(0);
    assertThat(attempt.outcome()).isEqualTo("DEAD");
    assertThat(attempt.system()).isEqualTo("bigcommerce");
    assertThat(attempt.request())
        .startsWith("POST /v3/hooks")
        .contains("\"scope\" : \"store/order/*\"")
        .contains("http://localhost/x");
    assertThat(attempt.response()).startsWith("HTTP 422");
    assertThat(attempt.error()).contains("422");
    assertThat(storedTexts(itemId)).noneMatch(text -> text.contains(STORE_TOKEN));
  }

  @Test
  void a_bigcommerce_5xx_and_a_call_that_got_no_answer_are_kept_per_attempt() {
    long itemId = enqueue("102");
    store.injectFault(Fault.status(503, 1).on("GET", "/v2/store"));
    handler.script(
        batch -> {
          client.storeInfo();
          return ScriptedHandler.allSucceed(batch);
        });
    processor.processDueBatch();

    FailedAttempt attempt = failures.attempts(List.of(itemId)).get(0);
    assertThat(attempt.outcome()).isEqualTo("RETRY");
    assertThat(attempt.system()).isEqualTo("bigcommerce");
    assertThat(attempt.request()).isEqualTo("GET /v2/store");
    assertThat(attempt.response()).startsWith("HTTP 503");
    assertThat(storedTexts(itemId)).noneMatch(text -> text.contains(STORE_TOKEN));
  }

  @Test
  void a_salesforce_query_fault_keeps_its_soql_and_the_fault_without_the_session_id()
      throws Exception {
    long itemId = enqueue("103");
    String sessionId = connector.session().sessionId();
    sim.faults().failNext("*", "Contact", "QUERY_TIMEOUT", 5);
    handler.script(
        batch -> {
          salesforce.idsByKey("Contact", "Email", List.of("ada@example.com"));
          return ScriptedHandler.allSucceed(batch);
        });
    processor.processDueBatch();
    sim.faults().clear();

    FailedAttempt attempt = failures.attempts(List.of(itemId)).get(0);
    assertThat(attempt.system()).isEqualTo("salesforce");
    assertThat(attempt.request())
        .startsWith("query: SELECT Id, Email FROM Contact WHERE Email IN")
        .contains("ada@example.com");
    assertThat(attempt.response()).startsWith("fault QUERY_TIMEOUT");
    assertThat(attempt.error()).contains("QUERY_TIMEOUT");
    assertThat(sessionId).isNotBlank();
    assertThat(storedTexts(itemId)).noneMatch(text -> text.contains(sessionId));
  }

  private long enqueue(String orderId) {
    return ((IntakeResult.Accepted)
            intake.record(
                new IncomingEvent(
                    new EntityRef(WebhookCalls.STORE, "order", orderId),
                    "store/order/created",
                    "stores/" + WebhookCalls.STORE,
                    null,
                    "hash-order" + orderId,
                    System.currentTimeMillis() / 1000,
                    "{}")))
        .workItemId();
  }

  /** Every text column of the item's failure rows, as stored. */
  private List<String> storedTexts(long itemId) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT error, system_name, request, response FROM work_item_failure"
                      + " WHERE work_item_id = ?")) {
            select.setLong(1, itemId);
            List<String> texts = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                for (int column = 1; column <= 4; column++) {
                  texts.add(String.valueOf(rs.getString(column)));
                }
              }
            }
            assertThat(texts).isNotEmpty();
            return texts;
          }
        });
  }
}
