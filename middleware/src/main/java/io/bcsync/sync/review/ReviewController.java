package io.bcsync.sync.review;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
  static final String SCOPE = "bcsync/review-resolved";

  private final Reviews reviews;
  private final IdentityMap identities;
  private final EventIntake intake;

  public ReviewController(Reviews reviews, IdentityMap identities, EventIntake intake) {
    this.reviews = reviews;
    this.identities = identities;
    this.intake = intake;
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
    if (contactId != null && !contactId.matches("003[A-Za-z0-9]{12}([A-Za-z0-9]{3})?")) {
      return error(
          HttpStatus.BAD_REQUEST, "contactId must be a 15 or 18 character Contact id (003...)");
    }
    Optional<Review> review = reviews.find(id);
    if (review.isEmpty()) {
      return error(HttpStatus.NOT_FOUND, "no review " + id);
    }
    Review r = review.get();
    Optional<List<Reviews.Held>> held = reviews.resolve(id, contactId);
    if (held.isEmpty()) {
      return error(HttpStatus.CONFLICT, "review " + id + " is not open");
    }
    if (contactId != null) {
      // The Account is looked up when the customer is next written (account_id null = not known
      // yet).
      String[] key = r.customerKey().split(":", 2);
      identities.save(
          List.of(
              new Identity(
                  r.storeHash(),
                  key[0],
                  key[1],
                  "Contact",
                  contactId,
                  null,
                  null,
                  null,
                  "review")));
    }
    List<String> requeued = new ArrayList<>();
    for (Reviews.Held h : held.get()) {
      intake.record(
          new IncomingEvent(
              new EntityRef(r.storeHash(), h.type(), h.id()),
              SCOPE,
              "bcsync",
              null,
              null,
              null,
              "{}"));
      requeued.add(h.type() + " " + h.id());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("resolution", contactId == null ? "create" : "link");
    out.put("requeued", requeued);
    return HttpResponse.ok(out);
  }

  private static HttpResponse<?> error(HttpStatus status, String message) {
    return HttpResponse.status(status)
        .body(Map.of("error", status.name().toLowerCase(), "message", message));
  }
}
