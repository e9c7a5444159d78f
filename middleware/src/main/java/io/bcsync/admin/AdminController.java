package io.bcsync.admin;

import io.bcsync.pipeline.DeadLetterReplays;
import io.bcsync.pipeline.QueueActivity;
import io.bcsync.pipeline.QueueActivity.DeadLetterFilter;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.QueueInspector.StoredEvent;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.pipeline.WorkQueue;
import io.bcsync.pipeline.WorkQueue.ReplayResult;
import io.bcsync.pipeline.WorkSignal;
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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Operator API: what arrived, what is queued, what failed, and replay of dead letters. */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminController {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  static final int MAX_REPLAY_IDS = 1000;

  private final QueueInspector inspector;
  private final QueueActivity activity;
  private final DeadLetterReplays replays;
  private final WorkQueue queue;
  private final WorkSignal signal;
  private final Clock clock;

  public AdminController(
      QueueInspector inspector,
      QueueActivity activity,
      DeadLetterReplays replays,
      WorkQueue queue,
      WorkSignal signal,
      Clock clock) {
    this.inspector = inspector;
    this.activity = activity;
    this.replays = replays;
    this.queue = queue;
    this.signal = signal;
    this.clock = clock;
  }

  @Get("/events")
  public Page<StoredEvent> events(
      @Nullable @QueryValue String status,
      @Nullable @QueryValue Long workItemId,
      @Nullable @QueryValue Long before,
      @Nullable @QueryValue Integer limit) {
    int size = limit(limit);
    List<StoredEvent> events =
        inspector.events(
            status(status), Optional.ofNullable(workItemId), Optional.ofNullable(before), size);
    return Page.of(events, size, StoredEvent::id);
  }

  @Get("/work-items")
  public Page<WorkItem> workItems(
      @Nullable @QueryValue String status,
      @Nullable @QueryValue Long before,
      @Nullable @QueryValue Integer limit) {
    int size = limit(limit);
    return Page.of(
        inspector.workItems(status(status), Optional.ofNullable(before), size), size, WorkItem::id);
  }

  @Get("/work-items/{id}")
  public HttpResponse<?> workItem(@PathVariable long id) {
    return queue
        .find(id)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(
            () ->
                HttpResponse.notFound(
                    Map.of("error", "not_found", "message", "no work item " + id)));
  }

  /**
   * Dead letters newest first; {@code store}, {@code kind} and {@code error} (a text) narrow them.
   */
  @Get("/dead-letters")
  public Page<WorkItem> deadLetters(
      @Nullable @QueryValue String store,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String error,
      @Nullable @QueryValue Long before,
      @Nullable @QueryValue Integer limit) {
    int size = limit(limit);
    return Page.of(
        activity.deadLetters(
            DeadLetterFilter.of(store, kind, error), Optional.ofNullable(before), size),
        size,
        WorkItem::id);
  }

  @Get("/counts")
  public Map<String, Object> counts() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workItems", inspector.countsByStatus());
    body.put(
        "oldestOpenItemAgeSeconds",
        inspector
            .oldestOpenCreatedAt()
            .map(created -> (clock.millis() - created) / 1000)
            .orElse(null));
    return body;
  }

  @Post("/dead-letters/{id}/replay")
  public HttpResponse<Map<String, Object>> replayOne(@PathVariable long id) {
    ReplayResult result = queue.replay(id, clock.millis());
    signal.wake();
    Map<String, Object> body = Map.of("id", id, "result", result);
    return switch (result) {
      case REQUEUED, MERGED_INTO_OPEN_ITEM -> HttpResponse.ok(body);
      case NOT_FOUND -> HttpResponse.status(HttpStatus.NOT_FOUND).body(body);
      case NOT_DEAD -> HttpResponse.status(HttpStatus.CONFLICT).body(body);
    };
  }

  /**
   * Body {@code {"ids": [1, 2]}} replays those; {@code {"all": true}} replays every current dead
   * letter.
   */
  @Post("/dead-letters/replay")
  public Map<String, Object> replayMany(@Body ReplayRequest request) {
    Map<Long, ReplayResult> replayed;
    if (Boolean.TRUE.equals(request.all())) {
      if (request.ids() != null && !request.ids().isEmpty()) {
        throw new BadAdminRequest("give either ids or all, not both");
      }
      replayed =
          replays.replayMatching(
              DeadLetterFilter.of(request.store(), request.kind(), request.error()));
    } else {
      if (request.ids() == null || request.ids().isEmpty()) {
        throw new BadAdminRequest("ids must list at least one dead-letter id (or set all to true)");
      }
      if (request.ids().size() > MAX_REPLAY_IDS) {
        throw new BadAdminRequest("at most " + MAX_REPLAY_IDS + " ids per request");
      }
      if (request.ids().contains(null)) {
        throw new BadAdminRequest("ids must not contain null");
      }
      if (request.store() != null || request.kind() != null || request.error() != null) {
        throw new BadAdminRequest("store, kind and error filter all=true only");
      }
      replayed = replays.replay(request.ids());
    }
    Map<String, ReplayResult> results = new LinkedHashMap<>();
    replayed.forEach((id, result) -> results.put(String.valueOf(id), result));
    return Map.of("results", results);
  }

  @Error(exception = BadAdminRequest.class)
  public HttpResponse<Map<String, String>> badRequest(BadAdminRequest e) {
    return HttpResponse.badRequest(Map.of("error", "bad_request", "message", e.getMessage()));
  }

  private static Optional<WorkItemStatus> status(String status) {
    if (status == null || status.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          WorkItemStatus.valueOf(status.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      throw new BadAdminRequest("status must be one of " + List.of(WorkItemStatus.values()));
    }
  }

  private static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadAdminRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  /**
   * {@code ids} of dead letters to replay, or {@code all} for every one ({@code store}, {@code
   * kind} and {@code error} narrow {@code all} as they narrow the list).
   */
  public record ReplayRequest(
      @Nullable List<Long> ids,
      @Nullable Boolean all,
      @Nullable String store,
      @Nullable String kind,
      @Nullable String error) {}

  /**
   * A page of rows, newest first; pass {@code nextBefore} as {@code before} to get the next page.
   */
  public record Page<T>(List<T> items, Long nextBefore) {
    static <T> Page<T> of(List<T> items, int limit, java.util.function.ToLongFunction<T> id) {
      Long next = items.size() == limit ? id.applyAsLong(items.get(items.size() - 1)) : null;
      return new Page<>(items, next);
    }
  }

  static class BadAdminRequest extends RuntimeException {
    BadAdminRequest(String message) {
      super(message, null, false, false);
    }
  }
}
