package io.bcsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.db.Db;
import io.bcsync.salesforce.streaming.ReconciliationQueue;
import io.bcsync.salesforce.streaming.StreamingAdminController;
import io.bcsync.salesforce.streaming.StreamingComponents;
import io.bcsync.salesforce.streaming.StreamingMetrics;
import io.bcsync.salesforce.streaming.StreamingSupervisor;
import io.bcsync.salesforce.streaming.StreamingTestAccess;
import io.bcsync.salesforce.writer.SalesforceWriter;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.SimulatedOrgTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CDC / platform-event subscriber on the real cometd-java-client against the simulated org.
 * Supervisors are ticked by hand, so each test decides which "instance" leads; time moves on a
 * MutableClock.
 */
@MicronautTest(transactional = false)
class SalesforceStreamingTest extends SimulatedOrgTest {
  static final String CONTACTS = "/data/ContactChangeEvent";
  static final Duration WAIT = Duration.ofSeconds(60);

  final List<StreamingSupervisor> supervisors = new ArrayList<>();

  @Inject StreamingComponents components;
  @Inject StreamingMetrics metrics;
  @Inject SalesforceWriter writer;
  @Inject MutableClock clock;
  @Inject Db db;
  @Inject StreamingAdminController admin;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("test.mutable-clock", "true");
    // These tests pin what the stream delivers, event by event, across hours of simulated time;
    // the reconciliation poll (issue 17) would add its own items for the same records.
    properties.put("bcsync.salesforce.reconciliation-poll.interval", "0s");
    properties.put(
        "bcsync.salesforce.streaming.channels",
        CONTACTS + ",/data/AccountChangeEvent,/event/BC_Sync_Request__e");
    return properties;
  }

  @AfterEach
  void stopSupervisors() {
    supervisors.forEach(StreamingSupervisor::shutdown);
    supervisors.clear();
  }

  private StreamingSupervisor leader(String name) {
    StreamingSupervisor supervisor = components.supervisor(name);
    supervisors.add(supervisor);
    supervisor.tick();
    assertThat(supervisor.isLeader()).isTrue();
    awaitSubscribed(supervisor);
    return supervisor;
  }

  private static void awaitSubscribed(StreamingSupervisor supervisor) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                supervisor.client() != null
                    && supervisor
                        .client()
                        .subscriptions()
                        .keySet()
                        .containsAll(List.of(CONTACTS, "/event/BC_Sync_Request__e")));
  }

  private String newContact(String lastName) {
    return sim.createAsUser("Contact", Map.of("LastName", lastName)).id();
  }

  private List<String> eventsFor(String recordId) {
    return probe().eventsFor(recordId);
  }

  private void awaitEvents(String recordId, int count) {
    probe().awaitEvents(recordId, count);
  }

  private StoredStreamEvents probe() {
    return new StoredStreamEvents(db, sim, components, metrics, supervisors, CONTACTS, WAIT);
  }

  @Test
  void resumes_after_a_restart_without_losing_or_repeating_an_event() {
    StreamingSupervisor first = leader("first-" + UUID.randomUUID());
    String id = newContact("Restart");
    awaitEvents(id, 1);
    first.shutdown();

    sim.updateAsUser(id, Map.of("Phone", "111"));
    sim.updateAsUser(id, Map.of("Phone", "222"));

    StreamingSupervisor second = leader("second-" + UUID.randomUUID());
    awaitEvents(id, 3);
    sim.updateAsUser(id, Map.of("Phone", "333"));
    awaitEvents(id, 4);

    assertThat(eventsFor(id))
        .containsExactly(
            "salesforce/cdc/CREATE",
            "salesforce/cdc/UPDATE",
            "salesforce/cdc/UPDATE",
            "salesforce/cdc/UPDATE");
    long lastReplayId =
        sim.retainedEvents().stream()
            .filter(e -> e.channels().contains(CONTACTS))
            .mapToLong(e -> e.replayId())
            .max()
            .orElseThrow();
    assertThat(components.replays().get(CONTACTS).orElseThrow().replayId()).isEqualTo(lastReplayId);
    assertThat(second.isLeader()).isTrue();
  }

  @Test
  void our_own_writes_are_dropped_and_a_users_edit_of_the_same_record_gets_through()
      throws Exception {
    leader("own-" + UUID.randomUUID());
    double ownBefore = metrics.count(CONTACTS, "OWN_CHANGE");
    String key = "own-" + UUID.randomUUID();
    var report =
        writer.write(
            List.of(
                RecordWrite.upsert(
                    1,
                    "Contact",
                    "BC_Customer_Id__c",
                    Map.of("BC_Customer_Id__c", key, "LastName", "Synced"))));
    String id = report.results().get(0).id();
    sim.updateAsUser(id, Map.of("Phone", "555"));

    awaitEvents(id, 1);
    assertThat(eventsFor(id)).containsExactly("salesforce/cdc/UPDATE");
    assertThat(metrics.count(CONTACTS, "OWN_CHANGE")).isEqualTo(ownBefore + 1);
  }

  @Test
  void an_unknown_client_re_handshakes_and_resubscribes() {
    StreamingSupervisor supervisor = leader("drop-" + UUID.randomUUID());
    double before = metrics.count("all", "unknown_client");
    assertThat(sim.dropStreamingClients()).isGreaterThanOrEqualTo(1);
    await().atMost(WAIT).until(() -> metrics.count("all", "unknown_client") > before);
    awaitSubscribed(supervisor);

    String id = newContact("After drop");
    awaitEvents(id, 1);
    assertThat(eventsFor(id)).containsExactly("salesforce/cdc/CREATE");
  }

  @Test
  void a_revoked_token_is_replaced_and_the_stream_continues() throws Exception {
    StreamingSupervisor supervisor = leader("revoke-" + UUID.randomUUID());
    double before = metrics.count("all", "auth_renewed");
    sim.revokeToken(StreamingTestAccess.bearer(supervisor.client()));
    await().atMost(WAIT).until(() -> metrics.count("all", "auth_renewed") > before);
    await()
        .atMost(WAIT)
        .until(
            () ->
                supervisor.client().isRunning()
                    && supervisor.client().subscriptions().containsKey(CONTACTS));

    String id = newContact("After revoke");
    awaitEvents(id, 1);
  }

  @Test
  void the_leader_fails_over_within_the_lease_time() {
    StreamingSupervisor a = leader("a-" + UUID.randomUUID());
    StreamingSupervisor b = components.supervisor("b-" + UUID.randomUUID());
    supervisors.add(b);
    b.tick();
    assertThat(b.isLeader()).isFalse();
    assertThat(b.client()).isNull();

    StreamingTestAccess.crash(a); // stops subscribing, keeps the lease row: it must expire
    String id = newContact("During failover");
    b.tick();
    assertThat(b.isLeader()).isFalse();

    clock.advance(components.config().leaseTtl().plusSeconds(1));
    b.tick();
    assertThat(b.isLeader()).isTrue();
    awaitSubscribed(b);
    awaitEvents(id, 1);
    assertThat(eventsFor(id)).containsExactly("salesforce/cdc/CREATE");

    a.tick(); // the old leader comes back: it must not take over again
    assertThat(a.isLeader()).isFalse();
  }

  @Test
  void an_expired_replay_id_falls_back_to_retained_events_and_reconciles_the_gap() {
    StreamingSupervisor first = leader("old-" + UUID.randomUUID());
    String early = newContact("Before downtime");
    awaitEvents(early, 1);
    first.shutdown();

    String missed = newContact("Changed while down");
    sim.updateAsUser(missed, Map.of("Phone", "999"));
    sim.advanceTime(Duration.ofHours(73)); // both events age out of Salesforce's 72 h retention
    clock.advance(Duration.ofHours(73));
    String fresh = newContact("After retention");

    Map<String, Object> view = admin.streaming();
    assertThat(view.get("channels").toString()).contains(CONTACTS, "nearRetention=true");

    double fallbacks = metrics.count(CONTACTS, "replay_fallback");
    StreamingSupervisor second = leader("new-" + UUID.randomUUID());
    await().atMost(WAIT).until(() -> metrics.count(CONTACTS, "replay_fallback") > fallbacks);
    awaitEvents(fresh, 1); // retained events came through -2
    assertThat(components.reconciliations().recent(5))
        .anySatisfy(
            r -> {
              assertThat(r.entity()).isEqualTo("Contact");
              assertThat(r.sinceMs()).isNotNull();
            });

    second.tick(); // the leader runs pending reconciliations
    awaitEvents(missed, 1);
    assertThat(eventsFor(missed)).containsExactly("salesforce/reconcile");
    assertThat(
            components.reconciliations().recent(5).stream()
                .filter(r -> r.entity().equals("Contact"))
                .map(ReconciliationQueue.Request::status)
                .toList())
        .contains("DONE");
  }

  /**
   * The daily_limit problem counter summed over the configured channels (whichever is refused first
   * counts).
   */
  private double dailyLimitProblems() {
    return components.config().channels().stream()
        .mapToDouble(c -> metrics.count(c, "daily_limit"))
        .sum();
  }

  @Test
  void the_daily_event_limit_backs_off_without_reconnecting_and_resumes_without_loss() {
    StreamingSupervisor supervisor = leader("limit-" + UUID.randomUUID());
    String before = newContact("Before the limit");
    awaitEvents(before, 1);
    Duration backoff = components.config().dailyLimitBackoff();
    double problemsBefore = dailyLimitProblems();
    long handshakes;
    long subscribes;
    String during;

    sim.setStreamingDailyLimitExceeded(true);
    try {
      // The limit bites on the next subscribe: make CometD re-handshake, after which every channel
      // is refused.
      long subscribesAtDrop = sim.streamingSubscribes();
      assertThat(sim.dropStreamingClients()).isGreaterThanOrEqualTo(1);
      await().atMost(WAIT).until(() -> dailyLimitProblems() > problemsBefore);
      await().atMost(WAIT).until(() -> !supervisor.client().isRunning());
      // The subscribes of that handshake have reached the server and no more come: the counts
      // below are settled. (Not "one per channel": the client stops at the first refusal, and
      // whether the later channels' subscribes left before that depends on timing.)
      AtomicLong lastSeen = new AtomicLong(-1);
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                long now = sim.streamingSubscribes();
                return now > subscribesAtDrop && lastSeen.getAndSet(now) == now;
              });
      assertThat(supervisor.client().isBackingOff()).isTrue();
      assertThat(supervisor.client().backingOffUntil()).contains(clock.instant().plus(backoff));
      handshakes = sim.streamingHandshakes();
      subscribes = sim.streamingSubscribes();
      during = newContact("During the backoff");

      // Leader ticks keep coming (lease renewal) but none of them may reconnect while the backoff
      // lasts; nor may
      // anything else (CometD's own reconnects, scheduled restarts). Bounded real interval, no
      // timing assertion.
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                supervisor.tick();
                return sim.streamingHandshakes() == handshakes
                    && sim.streamingSubscribes() == subscribes;
              });
      clock.advance(backoff.minusMinutes(1)); // almost over: still away
      supervisor.tick();
      assertThat(sim.streamingHandshakes()).isEqualTo(handshakes);
      assertThat(sim.streamingSubscribes()).isEqualTo(subscribes);
      assertThat(supervisor.isLeader())
          .isTrue(); // keeps the lease: no other instance walks into the same limit
      assertThat(eventsFor(during)).isEmpty();
      // One hit, one metric increment, however many channels were refused by that handshake.
      assertThat(dailyLimitProblems()).isEqualTo(problemsBefore + 1);
    } finally {
      sim.setStreamingDailyLimitExceeded(false);
    }

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    supervisor.tick();
    awaitSubscribed(supervisor);
    assertThat(sim.streamingHandshakes()).isEqualTo(handshakes + 1);
    awaitEvents(during, 1); // replayed from the stored id: nothing lost while away
    String after = newContact("After the backoff");
    awaitEvents(after, 1);
    assertThat(eventsFor(before)).containsExactly("salesforce/cdc/CREATE");
    assertThat(eventsFor(during)).containsExactly("salesforce/cdc/CREATE");
    assertThat(eventsFor(after)).containsExactly("salesforce/cdc/CREATE");
    assertThat(supervisor.client().isBackingOff()).isFalse();
  }

  @Test
  void gap_events_re_read_records_and_overflow_resyncs_the_object() {
    StreamingSupervisor supervisor = leader("gap-" + UUID.randomUUID());
    String id = newContact("Gap");
    awaitEvents(id, 1);
    assertThat(sim.publishGapEvent("Contact", List.of(id), "GAP_UPDATE")).isTrue();
    awaitEvents(id, 2);
    assertThat(eventsFor(id)).containsExactly("salesforce/cdc/CREATE", "salesforce/cdc/GAP_UPDATE");

    String accountId = sim.createAsUser("Account", Map.of("Name", "Overflowing")).id();
    await().atMost(WAIT).until(() -> eventsFor(accountId).size() == 1);
    int before = components.reconciliations().recent(100).size();
    assertThat(sim.publishGapEvent("Account", List.of(), "GAP_OVERFLOW")).isTrue();
    await().atMost(WAIT).until(() -> components.reconciliations().recent(100).size() > before);
    assertThat(components.reconciliations().recent(1).get(0).sinceMs()).isNull();
    supervisor.tick();
    awaitEvents(accountId, 2);
    assertThat(eventsFor(accountId))
        .containsExactly("salesforce/cdc/CREATE", "salesforce/reconcile");
  }
}
