package io.bcsync.salesforce.streaming;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who subscribes, each channel's stored replay id and its age (with a warning when it nears the 72
 * h retention), and the reconciliations queued for windows the stream could not replay: the one
 * answer {@code GET /admin/salesforce/streaming} and the console's overview both show.
 */
@Singleton
public class StreamingStatus {
  private final StreamingComponents components;
  private final StreamingRunner runner;
  private final Clock clock;

  public StreamingStatus(StreamingComponents components, StreamingRunner runner, Clock clock) {
    this.components = components;
    this.runner = runner;
    this.clock = clock;
  }

  public Map<String, Object> snapshot() {
    long now = clock.millis();
    long warnAfter = components.config().replayWarnAge().toSeconds();
    List<Map<String, Object>> channels = new ArrayList<>();
    for (ReplayStore.Position position : components.replays().all().values()) {
      long age = Math.max(0, now - position.eventAtMs()) / 1000;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("channel", position.channel());
      row.put("replayId", position.replayId());
      row.put("eventAtMs", position.eventAtMs());
      row.put("ageSeconds", age);
      row.put("nearRetention", age > warnAfter);
      channels.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", components.config().enabled());
    body.put("configuredChannels", components.config().channels());
    body.put("thisInstance", runner.supervisor().instanceId());
    body.put("leader", components.lease().holder().orElse(null));
    body.put("channels", channels);
    body.put("reconciliations", components.reconciliations().recent(20));
    return body;
  }
}
