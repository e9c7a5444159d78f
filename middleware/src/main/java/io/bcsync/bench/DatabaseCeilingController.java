package io.bcsync.bench;

import io.bcsync.pipeline.DatabaseCeiling;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /bench/db-ceiling?group-size=17&seconds=5}: runs {@link DatabaseCeiling} and answers
 * the events per second the database committed. For {@code scripts/bench-ingest}; only exists when
 * {@code bcsync.bench-endpoint.enabled=true}, like the no-op endpoint.
 */
@Controller("/bench/db-ceiling")
@Requires(property = "bcsync.bench-endpoint.enabled", value = "true")
public class DatabaseCeilingController {
  private static final int MAX_SECONDS = 60;

  private final DatabaseCeiling ceiling;

  public DatabaseCeilingController(DatabaseCeiling ceiling) {
    this.ceiling = ceiling;
  }

  @Post
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Map<String, Object>> measure(
      @QueryValue("group-size") int groupSize, @QueryValue("seconds") int seconds)
      throws InterruptedException {
    if (groupSize < 1 || groupSize > 1000 || seconds < 1 || seconds > MAX_SECONDS) {
      return HttpResponse.badRequest(
          Map.of(
              "error",
              "invalid_request",
              "message",
              "group-size must be 1 to 1000 and seconds 1 to " + MAX_SECONDS));
    }
    DatabaseCeiling.Result result = ceiling.measure(groupSize, Duration.ofSeconds(seconds));
    return HttpResponse.ok(
        Map.of(
            "events_per_second",
            String.format(Locale.ROOT, "%.1f", result.eventsPerSecond()),
            "group_size",
            result.groupSize(),
            "threads",
            result.threads(),
            "events",
            result.events()));
  }
}
