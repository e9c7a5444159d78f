package io.bcsync.console;

import io.bcsync.console.TimelineQuery.InvalidTimelineQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * {@code GET /admin/timeline?q=…&store=…}: a record's timeline for scripts, behind the admin bearer
 * token like every {@code /admin} path; the same service and answer as the console's page.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TimelineAdminController {
  private final RecordTimeline timeline;

  public TimelineAdminController(RecordTimeline timeline) {
    this.timeline = timeline;
  }

  @Get("/timeline")
  public HttpResponse<?> timeline(
      @Nullable @QueryValue String q, @Nullable @QueryValue String store) {
    try {
      return HttpResponse.ok(timeline.find(TimelineQuery.parse(q, store)));
    } catch (InvalidTimelineQuery e) {
      return HttpResponse.badRequest(Map.of("error", "bad_request", "message", e.getMessage()));
    }
  }
}
