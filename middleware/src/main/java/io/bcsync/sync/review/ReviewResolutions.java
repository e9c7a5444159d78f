package io.bcsync.sync.review;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolving a review, for the admin API ({@code POST /admin/reviews/{id}/resolve}) and the
 * console's Reviews page alike: links the customer to the chosen Contact, or records that a new one
 * is to be created, and puts the customer and its held work back into the pipeline.
 */
@Singleton
public class ReviewResolutions {
  static final String SCOPE = "bcsync/review-resolved";

  private static final Pattern CONTACT_ID = Pattern.compile("003[A-Za-z0-9]{12}([A-Za-z0-9]{3})?");

  private final Reviews reviews;
  private final IdentityMap identities;
  private final EventIntake intake;

  public ReviewResolutions(Reviews reviews, IdentityMap identities, EventIntake intake) {
    this.reviews = reviews;
    this.identities = identities;
    this.intake = intake;
  }

  public static final String BY_CONSOLE = "console";

  public static final String BY_ADMIN_API = "admin API";

  /** What a resolution did: {@code link} or {@code create}, and the entities queued again. */
  public record Resolved(long id, String resolution, List<String> requeued) {}

  /**
   * @param contactId the Contact to link to, or null to let the sync create a new record
   * @throws BadResolution for a malformed Contact id
   * @throws UnknownReview when there is no such review
   * @throws NotOpen when someone resolved it already
   */
  public Resolved resolve(long id, String contactId) {
    return resolve(id, contactId, BY_ADMIN_API);
  }

  /**
   * As {@link #resolve(long, String)}, recording where the decision was made.
   *
   * @param resolvedBy {@link #BY_CONSOLE} or {@link #BY_ADMIN_API}
   */
  public Resolved resolve(long id, String contactId, String resolvedBy) {
    if (contactId != null && !CONTACT_ID.matcher(contactId).matches()) {
      throw new BadResolution("contactId must be a 15 or 18 character Contact id (003...)");
    }
    Review review = reviews.find(id).orElseThrow(() -> new UnknownReview(id));
    Optional<List<Reviews.Held>> held = reviews.resolve(id, contactId, resolvedBy);
    if (held.isEmpty()) {
      throw new NotOpen(id);
    }
    if (contactId != null) {
      // The Account is looked up when the customer is next written (account_id null = not known
      // yet).
      String[] key = review.customerKey().split(":", 2);
      identities.save(
          List.of(
              new Identity(
                  review.storeHash(),
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
              new EntityRef(review.storeHash(), h.type(), h.id()),
              SCOPE,
              "bcsync",
              null,
              null,
              null,
              "{}"));
      requeued.add(h.type() + " " + h.id());
    }
    return new Resolved(id, contactId == null ? "create" : "link", requeued);
  }

  /** A 400. */
  public static final class BadResolution extends RuntimeException {
    BadResolution(String message) {
      super(message, null, false, false);
    }
  }

  /** A 404. */
  public static final class UnknownReview extends RuntimeException {
    UnknownReview(long id) {
      super("no review " + id, null, false, false);
    }
  }

  /** A 409: resolved already, by this person or another. */
  public static final class NotOpen extends RuntimeException {
    NotOpen(long id) {
      super("review " + id + " is not open", null, false, false);
    }
  }
}
