package io.bcsync.backfill;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * {@code GET /admin/match-report?store=&since=&until=&guests=}: what matching would do with a
 * store's customers, computed while the request waits (a page of 250 customers per BigCommerce call
 * and per Salesforce lookup) and capped at {@code bcsync.backfill.match-report-max-customers}.
 * Nothing is written.
 */
@Controller("/admin/match-report")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MatchReportController {
  private final StoreMatchReports reports;

  public MatchReportController(StoreMatchReports reports) {
    this.reports = reports;
  }

  @Get
  public MatchReportView report(
      @Nullable @QueryValue String store,
      @Nullable @QueryValue String since,
      @Nullable @QueryValue String until,
      @Nullable @QueryValue String guests) {
    return reports.report(store, since, until, guests(guests));
  }

  private static boolean guests(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new Backfills.BadBackfillRequest("guests must be true or false");
  }

  @Error(exception = Backfills.BadBackfillRequest.class)
  public HttpResponse<Map<String, String>> badRequest(Backfills.BadBackfillRequest e) {
    return HttpResponse.badRequest(Map.of("error", "bad_request", "message", e.getMessage()));
  }

  @Error(exception = Backfills.UnknownStore.class)
  public HttpResponse<Map<String, String>> unknownStore(Backfills.UnknownStore e) {
    return HttpResponse.<Map<String, String>>status(HttpStatus.NOT_FOUND)
        .body(Map.of("error", "unknown_store", "message", e.getMessage()));
  }

  @Error(exception = StoreMatchReports.NoCandidateSource.class)
  public HttpResponse<Map<String, String>> noSource(StoreMatchReports.NoCandidateSource e) {
    return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(Map.of("error", "salesforce_not_configured", "message", e.getMessage()));
  }

  @Error(exception = StoreMatchReports.CandidateLookupFailed.class)
  public HttpResponse<Map<String, String>> lookupFailed(StoreMatchReports.CandidateLookupFailed e) {
    return HttpResponse.<Map<String, String>>status(HttpStatus.BAD_GATEWAY)
        .body(Map.of("error", "salesforce_lookup_failed", "message", e.getMessage()));
  }
}
