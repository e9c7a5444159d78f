package io.bcsync.console;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sync.review.Review;
import io.bcsync.sync.review.Reviews;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What became of the work a review held once it was decided (the Reviews page): each held entity
 * with its newest work item, which the decision queued again, so the page can say it is waiting,
 * synced ({@code DONE}) or dead-lettered (linked to the failed record). Reads the queue through the
 * pipeline's {@link QueueInspector}, as the record timeline does.
 */
@Singleton
public class HeldOutcomes {
  private final Reviews reviews;
  private final QueueInspector inspector;

  public HeldOutcomes(Reviews reviews, QueueInspector inspector) {
    this.reviews = reviews;
    this.inspector = inspector;
  }

  public List<Followed> of(Review review) {
    List<Reviews.Held> held = reviews.held(review.id());
    if (held.isEmpty()) {
      return List.of();
    }
    List<EntityRef> refs = new ArrayList<>();
    held.forEach(h -> refs.add(new EntityRef(review.storeHash(), h.type(), h.id())));
    Map<EntityRef, WorkItem> newest = inspector.newestItemsOf(refs);
    List<Followed> followed = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      followed.add(new Followed(held.get(i), refs.get(i), newest.get(refs.get(i))));
    }
    return followed;
  }

  /**
   * @param item the entity's newest work item; null when it has none (nothing to sync yet)
   */
  public record Followed(Reviews.Held held, EntityRef entity, WorkItem item) {
    /** DONE, PENDING, DEAD… as the queue says, or "not queued". */
    public String state() {
      return item == null ? "not queued" : item.status().name();
    }

    public boolean dead() {
      return item != null && item.status() == WorkItemStatus.DEAD;
    }

    /** The failed record on the failed-records page (filtered to its store and kind). */
    public String failedHref() {
      return "/failed?store="
          + java.net.URLEncoder.encode(entity.storeHash(), java.nio.charset.StandardCharsets.UTF_8)
          + "&kind="
          + java.net.URLEncoder.encode(entity.type(), java.nio.charset.StandardCharsets.UTF_8)
          + "#item-"
          + item.id();
    }

    public String timelineHref() {
      return ConsoleFormat.timelineHref(entity);
    }
  }
}
