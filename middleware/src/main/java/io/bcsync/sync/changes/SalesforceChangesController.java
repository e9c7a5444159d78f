package io.bcsync.sync.changes;

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
 * {@code GET /admin/salesforce/changes[?object=Contact[&recordId=003...]][&before=id][&limit=n]}:
 * the record changes Salesforce reported, newest first (admin token required, like all of {@code
 * /admin}).
 */
@Controller("/admin/salesforce/changes")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SalesforceChangesController {
  static final int MAX_LIMIT = 500;

  private final SalesforceChangeLog log;

  public SalesforceChangesController(SalesforceChangeLog log) {
    this.log = log;
  }

  @Get
  public HttpResponse<Map<String, Object>> changes(
      @QueryValue Optional<String> object,
      @QueryValue Optional<String> recordId,
      @Nullable @QueryValue Long before,
      @Nullable @QueryValue Integer limit) {
    int size = limit == null ? 50 : limit;
    if (size < 1 || size > MAX_LIMIT) {
      return HttpResponse.badRequest(
          error("limit must be between 1 and " + MAX_LIMIT + "; was " + size));
    }
    if (recordId.isPresent() && object.isEmpty()) {
      return HttpResponse.badRequest(error("recordId needs object"));
    }
    List<SalesforceChangeRow> rows =
        log.newest(object, recordId, Optional.ofNullable(before), size);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("changes", rows);
    body.put("nextBefore", rows.size() == size ? rows.get(rows.size() - 1).id() : null);
    return HttpResponse.ok(body);
  }

  private static Map<String, Object> error(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "bad_request");
    body.put("message", message);
    return body;
  }
}
