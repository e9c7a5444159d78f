package io.bcsync.console;

import io.bcsync.console.TimelineQuery.InvalidTimelineQuery;
import io.bcsync.pipeline.FailureLog;
import io.bcsync.pipeline.FailureLog.FailedAttempt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/timeline?q=…&store=…}: a record's timeline for scripts, and {@code GET
 * /admin/work-items/{id}/failures}: an item's failed attempts; behind the admin bearer token like
 * every {@code /admin} path, from the same services as the console's pages.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TimelineAdminController {
  private final RecordTimeline timeline;
  private final FailureLog failures;

  public TimelineAdminController(RecordTimeline timeline, FailureLog failures) {
    this.timeline = timeline;
    this.failures = failures;
  }

  /**
   * Every failed attempt of a work item, oldest first, with the Salesforce request and response
   * when a record write failed: what the console's failed records show beside the payload.
   */
  @Get("/work-items/{id}/failures")
  public Map<String, List<FailedAttempt>> failures(@PathVariable long id) {
    return Map.of("items", failures.attempts(List.of(id)));
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
