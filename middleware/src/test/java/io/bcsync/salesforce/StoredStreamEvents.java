package io.bcsync.salesforce;

import static org.awaitility.Awaitility.await;

import io.bcsync.db.Db;
import io.bcsync.salesforce.streaming.StreamEventRecorder;
import io.bcsync.salesforce.streaming.StreamingComponents;
import io.bcsync.salesforce.streaming.StreamingMetrics;
import io.bcsync.salesforce.streaming.StreamingSupervisor;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the subscriber stored of one channel's events, for the streaming tests: the events recorded
 * about a record, waited for, and (when they do not come) what each side held at that moment.
 */
final class StoredStreamEvents {
  private final Db db;
  private final SalesforceSimulator sim;
  private final StreamingComponents components;
  private final StreamingMetrics metrics;
  private final List<StreamingSupervisor> supervisors;
  private final String channel;
  private final Duration wait;

  StoredStreamEvents(
      Db db,
      SalesforceSimulator sim,
      StreamingComponents components,
      StreamingMetrics metrics,
      List<StreamingSupervisor> supervisors,
      String channel,
      Duration wait) {
    this.db = db;
    this.sim = sim;
    this.components = components;
    this.metrics = metrics;
    this.supervisors = supervisors;
    this.channel = channel;
    this.wait = wait;
  }

  /** Scopes of the stored events about one Salesforce record, in arrival order. */
  List<String> eventsFor(String recordId) {
    return db.read(
        connection -> {
          List<String> scopes = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT scope FROM webhook_event WHERE store_hash = ? AND entity_id = ? ORDER BY id")) {
            select.setString(1, "sf:" + sim.orgId());
            select.setString(2, recordId);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                scopes.add(rs.getString(1));
              }
            }
          }
          return scopes;
        });
  }

  void awaitEvents(String recordId, int count) {
    try {
      await().atMost(wait).until(() -> eventsFor(recordId).size() >= count);
    } catch (ConditionTimeoutException e) {
      // A CI run once timed out here (2026-12-07) with nothing to go on and could not be
      // reproduced: say what each side held at that moment.
      throw new AssertionError(
          count
              + " events for "
              + recordId
              + " expected within "
              + wait
              + "; "
              + streamState(recordId),
          e);
    }
  }

  private String streamState(String recordId) {
    List<String> clients = new ArrayList<>();
    for (StreamingSupervisor supervisor : supervisors) {
      clients.add(
          supervisor.instanceId()
              + (supervisor.client() == null
                  ? " (no client)"
                  : " running="
                      + supervisor.client().isRunning()
                      + " subscriptions="
                      + supervisor.client().subscriptions()));
    }
    return "recorded "
        + eventsFor(recordId)
        + ", stored replay id of "
        + channel
        + " "
        + components.replays().get(channel)
        + ", simulator retains "
        + sim.retainedEvents().stream()
            .filter(event -> event.channels().contains(channel))
            .map(event -> event.replayId())
            .toList()
        + " on it, events on it by outcome "
        + Arrays.stream(StreamEventRecorder.Result.values())
            .map(result -> result + "=" + metrics.count(channel, result.name()))
            .toList()
        + ", clients "
        + clients;
  }
}
