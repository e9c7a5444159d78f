package io.bcsync.backfill;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/backfill}: start, watch and cancel imports of historical customers and orders. */
@Controller("/admin/backfill")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BackfillController {
  private final Backfills backfills;

  public BackfillController(Backfills backfills) {
    this.backfills = backfills;
  }

  /**
   * Body {@code {"store": "abc123", "since": "2024-01-01"}}; 201 with the new backfill's progress.
   */
  @Post
  public HttpResponse<BackfillProgress> start(@Body StartRequest request) {
    return HttpResponse.created(backfills.start(request.store(), request.since()));
  }

  @Get
  public Map<String, List<BackfillProgress>> list(@Nullable @QueryValue String store) {
    return Map.of("backfills", backfills.latest(store));
  }

  @Get("/{id}")
  public HttpResponse<?> get(@PathVariable long id) {
    return backfills.find(id).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> notFound(id));
  }

  /** Stops reading; what was already enqueued stays in the queue and is processed. */
  @Post("/{id}/cancel")
  public HttpResponse<?> cancel(@PathVariable long id) {
    return backfills
        .cancel(id)
        .<HttpResponse<?>>map(
            cancelled ->
                cancelled
                    ? HttpResponse.ok(backfills.find(id).orElseThrow())
                    : HttpResponse.status(HttpStatus.CONFLICT)
                        .body(
                            error(
                                "not_active",
                                "backfill "
                                    + id
                                    + " is no longer running ("
                                    + backfills.find(id).orElseThrow().state()
                                    + ")")))
        .orElseGet(() -> notFound(id));
  }

  @Error(exception = Backfills.BadBackfillRequest.class)
  public HttpResponse<Map<String, Object>> badRequest(Backfills.BadBackfillRequest e) {
    return HttpResponse.badRequest(error("bad_request", e.getMessage()));
  }

  @Error(exception = Backfills.UnknownStore.class)
  public HttpResponse<Map<String, Object>> unknownStore(Backfills.UnknownStore e) {
    return HttpResponse.<Map<String, Object>>status(HttpStatus.NOT_FOUND)
        .body(error("unknown_store", e.getMessage()));
  }

  /** 409 naming the backfill already running, so a client (scripts/backfill) can attach to it. */
  @Error(exception = BackfillJobs.ActiveBackfillExists.class)
  public HttpResponse<Map<String, Object>> conflict(BackfillJobs.ActiveBackfillExists e) {
    Map<String, Object> body = error("backfill_running", e.getMessage());
    body.put("runningId", e.activeId());
    return HttpResponse.<Map<String, Object>>status(HttpStatus.CONFLICT).body(body);
  }

  private static HttpResponse<?> notFound(long id) {
    return HttpResponse.status(HttpStatus.NOT_FOUND).body(error("not_found", "no backfill " + id));
  }

  private static Map<String, Object> error(String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return body;
  }

  /**
   * Both fields are checked by {@link Backfills#start}, so a missing one gets a message naming it.
   */
  public record StartRequest(@Nullable String store, @Nullable String since) {}
}
