package io.bcsync.salesforce.streaming;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/salesforce/streaming}: who subscribes, each channel's stored replay id and its
 * age (with a warning when it nears the 72 h retention), and the reconciliations queued for windows
 * the stream could not replay.
 */
@Controller("/admin/salesforce")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StreamingAdminController {
  private final StreamingComponents components;
  private final StreamingRunner runner;
  private final Clock clock;

  public StreamingAdminController(
      StreamingComponents components, StreamingRunner runner, Clock clock) {
    this.components = components;
    this.runner = runner;
    this.clock = clock;
  }

  @Get("/streaming")
  public Map<String, Object> streaming() {
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
