package io.bcsync.sync.requests;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /admin/salesforce/sync-requests[?before=id][&limit=n]}: the BC_Sync_Request__e events
 * received, what each resolved to, its status and the status last published as BC_Sync_Status__e.
 */
@Controller("/admin/salesforce/sync-requests")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SyncRequestsController {
  static final int MAX_LIMIT = 500;

  private final SyncRequests requests;

  public SyncRequestsController(SyncRequests requests) {
    this.requests = requests;
  }

  @Get
  public HttpResponse<Map<String, Object>> list(
      @Nullable @QueryValue Long before, @Nullable @QueryValue Integer limit) {
    int size = limit == null ? 50 : limit;
    if (size < 1 || size > MAX_LIMIT) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("error", "bad_request");
      error.put("message", "limit must be between 1 and " + MAX_LIMIT + "; was " + size);
      return HttpResponse.badRequest(error);
    }
    List<SyncRequestRow> rows = requests.newest(Optional.ofNullable(before), size);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requests", rows);
    body.put("nextBefore", rows.size() == size ? rows.get(rows.size() - 1).id() : null);
    return HttpResponse.ok(body);
  }
}
