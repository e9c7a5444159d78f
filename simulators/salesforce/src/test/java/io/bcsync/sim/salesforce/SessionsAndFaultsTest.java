package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Session expiry with force-wsc's own SessionRenewer, injected faults, limits and latency. */
class SessionsAndFaultsTest {
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
    sim.setDailyApiLimit(100_000);
  }

  @Test
  void expired_session_fails_with_the_fault_text_that_triggers_renewal() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);
    sim.expireSession(connection.getConfig().getSessionId());

    assertThatThrownBy(connection::getUserInfo)
        .isInstanceOfSatisfying(
            UnexpectedErrorFault.class,
            f -> {
              assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
              assertThat(f.getExceptionMessage()).contains("Illegal Session");
            });
  }

  @Test
  void force_wsc_session_renewer_recovers_transparently() throws Exception {
    AtomicInteger renewals = new AtomicInteger();
    ConnectorConfig config = TestOrgs.config(sim);
    PartnerConnection[] holder = new PartnerConnection[1];
    config.setSessionRenewer(
        new SessionRenewer() {
          @Override
          public SessionRenewalHeader renewSession(ConnectorConfig cfg) throws ConnectionException {
            renewals.incrementAndGet();
            String token = TestOrgs.login(sim).getConfig().getSessionId();
            cfg.setSessionId(token);
            holder[0].setSessionHeader(
                token); // force-wsc only applies the renewed header to the retried call
            SessionHeader_element element = new SessionHeader_element();
            element.setSessionId(token);
            SessionRenewalHeader header = new SessionRenewalHeader();
            header.name = new QName("urn:partner.soap.sforce.com", "SessionHeader");
            header.headerElement = element;
            return header;
          }
        });
    PartnerConnection connection = new PartnerConnection(config);
    holder[0] = connection;
    sim.expireSession(config.getSessionId());

    assertThat(connection.getUserInfo().getUserName()).isEqualTo(sim.integrationUser().username());
    assertThat(
            connection
                .create(new SObject[] {sobject("Account", Map.of("Name", "After renewal"))})[0]
                .isSuccess())
        .isTrue();
    assertThat(renewals).hasValue(1);
  }

  @Test
  void idle_sessions_time_out_in_simulated_time() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);
    connection.getUserInfo();

    sim.advanceTime(Duration.ofHours(2).plusMinutes(1));

    assertThatThrownBy(connection::getUserInfo)
        .isInstanceOfSatisfying(
            UnexpectedErrorFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));
  }

  @Test
  void injected_lock_fault_hits_only_the_matching_operation_and_object_then_clears()
      throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);
    sim.faults().failNext("upsert", "Account", "UNABLE_TO_LOCK_ROW", 1);
    SObject[] account = {
      sobject("Account", Map.of("Name", "Locked", "BC_Customer_Id__c", "lock-1"))
    };

    connection.create(new SObject[] {sobject("Contact", Map.of("LastName", "Unaffected"))});
    assertThatThrownBy(() -> connection.upsert("BC_Customer_Id__c", account))
        .isInstanceOfSatisfying(
            UnexpectedErrorFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.UNABLE_TO_LOCK_ROW));
    assertThat(connection.upsert("BC_Customer_Id__c", account)[0].isSuccess()).isTrue();
  }

  @Test
  void daily_limit_exhaustion_is_request_limit_exceeded() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);
    connection.getUserInfo();
    sim.setDailyApiLimit(connection.getLimitInfoHeader().getLimitInfo()[0].getCurrent());

    assertThatThrownBy(connection::getUserInfo)
        .isInstanceOfSatisfying(
            UnexpectedErrorFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED));
  }

  @Test
  void maintenance_page_surfaces_as_a_connection_exception() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);
    sim.faults().failNext("query", null, "HTTP_503", 1);

    assertThatThrownBy(() -> connection.query("SELECT Id FROM Account"))
        .isInstanceOf(ConnectionException.class);
    assertThat(connection.query("SELECT Id FROM Account").isDone()).isTrue();
  }

  @Test
  void latency_makes_a_short_read_timeout_fire() throws Exception {
    ConnectorConfig config = TestOrgs.config(sim);
    PartnerConnection connection = new PartnerConnection(config);
    config.setReadTimeout(200);
    sim.faults().addLatency("getUserInfo", Duration.ofMillis(1_000), 1);

    assertThatThrownBy(connection::getUserInfo)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void api_calls_are_counted_by_operation_and_object() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);
    long before = sim.apiCallCount("create", "Lead");

    connection.create(new SObject[] {sobject("Lead", Map.of("LastName", "L", "Company", "C"))});
    connection.create(new SObject[] {sobject("Lead", Map.of("LastName", "M", "Company", "C"))});
    connection.query("SELECT Id FROM Lead");

    assertThat(sim.apiCallCount("create", "Lead")).isEqualTo(before + 2);
    assertThat(sim.apiCalls()).containsKey("query Lead").containsKey("login");
  }
}
