package io.bcsync.console;

import io.bcsync.console.OperatorOverview.Overview;
import io.bcsync.console.OperatorOverview.Window;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * {@code GET /admin/overview?window=hour|day}: the console's overview for scripts, behind the admin
 * bearer token like every {@code /admin} path. Same service, same answer as the console's refresh.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OverviewAdminController {
  private final OperatorOverview overview;

  public OverviewAdminController(OperatorOverview overview) {
    this.overview = overview;
  }

  @Get("/overview")
  public HttpResponse<?> overview(@Nullable @QueryValue String window) {
    return Window.named(window == null ? "hour" : window)
        .<HttpResponse<?>>map(chosen -> HttpResponse.<Overview>ok(overview.overview(chosen)))
        .orElseGet(
            () ->
                HttpResponse.badRequest(
                    Map.of("error", "bad_request", "message", "window must be hour or day")));
  }
}
