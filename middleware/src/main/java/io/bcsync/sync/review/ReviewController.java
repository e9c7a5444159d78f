package io.bcsync.sync.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Operator API for customers the matcher sent to review ({@code /admin}, so the bearer admin token
 * applies). Resolving links the customer to a chosen Contact or lets the sync create one, and
 * re-enqueues the customer and its held orders through the pipeline.
 */
@Controller("/admin/reviews")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReviewController {
  static final int MAX_LIMIT = 500;

  private final Reviews reviews;
  private final ReviewResolutions resolutions;

  public ReviewController(Reviews reviews, ReviewResolutions resolutions) {
    this.reviews = reviews;
    this.resolutions = resolutions;
  }

  @Get
  public HttpResponse<?> list(
      @Nullable @QueryValue String status, @Nullable @QueryValue Integer limit) {
    if (status != null && !status.equals(Reviews.OPEN) && !status.equals(Reviews.RESOLVED)) {
      return error(HttpStatus.BAD_REQUEST, "status must be open or resolved");
    }
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      return error(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
    }
    return HttpResponse.ok(
        Map.of("reviews", reviews.list(Optional.ofNullable(status), limit == null ? 50 : limit)));
  }

  /**
   * Body {@code {"contactId": "003..."}} to link to that Contact, or {@code {"create": true}} to
   * create a new one.
   */
  public record Resolution(@Nullable String contactId, @Nullable Boolean create) {}

  @Post("/{id}/resolve")
  public HttpResponse<?> resolve(@PathVariable long id, @Body Resolution body) {
    boolean create = Boolean.TRUE.equals(body.create());
    String contactId =
        body.contactId() == null || body.contactId().isBlank() ? null : body.contactId().trim();
    if (create == (contactId != null)) {
      return error(HttpStatus.BAD_REQUEST, "give either contactId or create: true");
    }
    try {
      ReviewResolutions.Resolved resolved = resolutions.resolve(id, contactId);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", resolved.id());
      out.put("resolution", resolved.resolution());
      out.put("requeued", resolved.requeued());
      return HttpResponse.ok(out);
    } catch (ReviewResolutions.BadResolution e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (ReviewResolutions.UnknownReview e) {
      return error(HttpStatus.NOT_FOUND, e.getMessage());
    } catch (ReviewResolutions.NotOpen e) {
      return error(HttpStatus.CONFLICT, e.getMessage());
    }
  }

  private static HttpResponse<?> error(HttpStatus status, String message) {
    return HttpResponse.status(status)
        .body(Map.of("error", status.name().toLowerCase(), "message", message));
  }
}
