package io.bcsync.console;

import io.bcsync.config.PipelineConfig;
import io.bcsync.console.ConsoleController.Nav;
import io.bcsync.console.ConsoleSessions.Session;
import io.bcsync.console.TimelineQuery.InvalidTimelineQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's record timeline page, {@code /timeline?q=…&store=…} (docs/console.md). Without a
 * search it shows the form; a search it cannot read gets the form again with the reason (400). The
 * session was checked by {@link ConsoleSecurityFilter}; the page changes nothing, so it needs no
 * CSRF token of its own (the header's sign-out form carries one).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class TimelineController {
  private final RecordTimeline timeline;
  private final String historyRetention;

  public TimelineController(RecordTimeline timeline, PipelineConfig pipeline) {
    this.timeline = timeline;
    this.historyRetention = ConsoleFormat.period(pipeline.historyRetention());
  }

  @Get("/timeline")
  @Produces(MediaType.TEXT_HTML)
  public HttpResponse<ModelAndView<Map<String, Object>>> page(
      HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String store) {
    Map<String, Object> model = new HashMap<>();
    Session session =
        request
            .getAttribute(ConsoleSecurityFilter.SESSION_ATTRIBUTE, Session.class)
            .orElseThrow(() -> new IllegalStateException("ConsoleSecurityFilter did not run"));
    model.put("nav", new Nav("timeline", session.csrfToken()));
    model.put("q", q == null ? "" : q);
    model.put("store", store == null ? "" : store);
    model.put("error", "");
    model.put("timeline", null);
    model.put("historyRetention", historyRetention);
    if (q == null || q.isBlank()) {
      return HttpResponse.ok(new ModelAndView<>("console/timeline", model));
    }
    try {
      model.put("timeline", timeline.find(TimelineQuery.parse(q, store)));
      return HttpResponse.ok(new ModelAndView<>("console/timeline", model));
    } catch (InvalidTimelineQuery e) {
      model.put("error", e.getMessage());
      return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.BAD_REQUEST)
          .body(new ModelAndView<>("console/timeline", model));
    }
  }
}
