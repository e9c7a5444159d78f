package io.bcsync.salesforce.streaming;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * {@code GET /admin/salesforce/streaming}: who subscribes, each channel's stored replay id and its
 * age (with a warning when it nears the 72 h retention), and the reconciliations queued for windows
 * the stream could not replay.
 */
@Controller("/admin/salesforce")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StreamingAdminController {
  private final StreamingStatus status;

  public StreamingAdminController(StreamingStatus status) {
    this.status = status;
  }

  @Get("/streaming")
  public Map<String, Object> streaming() {
    return status.snapshot();
  }
}
