package io.bcsync.backfill;

import io.bcsync.sync.port.SalesReader;
import io.bcsync.sync.revenue.DailyRevenue;
import io.bcsync.sync.revenue.DailyRevenueException;
import io.bcsync.sync.revenue.DailyRevenueJob;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /admin/daily-revenue/rebuild} ({@code scripts/backfill --daily-revenue}): rebuilds a
 * store's daily revenue rows from {@code since} to yesterday, synchronously (a day costs a few
 * calls; at most {@value #MAX_DAYS} days per request). Rebuilding a day twice gives the same rows.
 */
@Controller("/admin/daily-revenue")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DailyRevenueRebuildController {
  static final int MAX_DAYS = 366;

  private final BeanProvider<DailyRevenueJob> job;
  private final BeanProvider<SalesReader> reader;

  public DailyRevenueRebuildController(
      BeanProvider<DailyRevenueJob> job, BeanProvider<SalesReader> reader) {
    this.job = job;
    this.reader = reader;
  }

  /** Body {@code {"store": "abc123", "since": "2024-01-01"}}; 200 with the rows of each day. */
  @Post("/rebuild")
  public HttpResponse<Map<String, Object>> rebuild(@Body RebuildRequest request) {
    if (request.store() == null || request.store().isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "bad_request", "store is required");
    }
    LocalDate since;
    try {
      since = LocalDate.parse(request.since() == null ? "" : request.since().trim());
    } catch (DateTimeParseException e) {
      return error(HttpStatus.BAD_REQUEST, "bad_request", "since must be a date like 2024-01-01");
    }
    if (since.isBefore(LocalDate.now().minusDays(MAX_DAYS))) {
      return error(
          HttpStatus.BAD_REQUEST,
          "bad_request",
          "since reaches back more than " + MAX_DAYS + " days; rebuild in several requests");
    }
    if (!job.isPresent()) {
      return error(
          HttpStatus.CONFLICT, "not_available", "daily revenue needs Salesforce to be configured");
    }
    if (!reader.get().readableStores().contains(request.store())) {
      return error(
          HttpStatus.NOT_FOUND,
          "unknown_store",
          "store " + request.store() + " is not connected with an API token");
    }
    try {
      List<Map<String, Object>> days = new ArrayList<>();
      for (DailyRevenue.DayResult day : job.get().rebuild(request.store(), since)) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("day", day.day().toString());
        d.put("rows", day.rows().size());
        d.put("campaignsUpdated", day.campaignsUpdated());
        days.add(d);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("store", request.store());
      body.put("since", since.toString());
      body.put("days", days);
      return HttpResponse.ok(body);
    } catch (DailyRevenueException e) {
      return error(HttpStatus.BAD_GATEWAY, "rebuild_failed", e.getMessage());
    }
  }

  private static HttpResponse<Map<String, Object>> error(
      HttpStatus status, String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return HttpResponse.<Map<String, Object>>status(status).body(body);
  }

  public record RebuildRequest(@Nullable String store, @Nullable String since) {}
}
