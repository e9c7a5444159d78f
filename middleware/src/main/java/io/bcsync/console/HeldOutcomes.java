package io.bcsync.console;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.QueueActivity.DeadLetterFilter;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sync.review.Review;
import io.bcsync.sync.review.Reviews;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /**
   * Each review's held entities with their newest work item, by review id: two queries in all (the
   * reviews' holds, then the held entities' newest items), however many reviews.
   */
  public Map<Long, List<Followed>> of(List<Review> decided) {
    Map<Long, List<Reviews.Held>> held = reviews.held(decided.stream().map(Review::id).toList());
    Map<Long, List<EntityRef>> refs = new LinkedHashMap<>();
    List<EntityRef> all = new ArrayList<>();
    for (Review review : decided) {
      List<EntityRef> ofReview = new ArrayList<>();
      held.get(review.id())
          .forEach(h -> ofReview.add(new EntityRef(review.storeHash(), h.type(), h.id())));
      refs.put(review.id(), ofReview);
      all.addAll(ofReview);
    }
    Map<EntityRef, WorkItem> newest = inspector.newestItemsOf(all);
    Map<Long, List<Followed>> followed = new LinkedHashMap<>();
    for (Review review : decided) {
      List<Reviews.Held> entities = held.get(review.id());
      List<EntityRef> entityRefs = refs.get(review.id());
      List<Followed> ofReview = new ArrayList<>();
      for (int i = 0; i < entities.size(); i++) {
        ofReview.add(
            new Followed(entities.get(i), entityRefs.get(i), newest.get(entityRefs.get(i))));
      }
      followed.put(review.id(), ofReview);
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

    /**
     * The failed record on the failed-records page, filtered to its store and kind and starting at
     * it, so it is there however many newer dead letters the store has.
     */
    public String failedHref() {
      return FailedRecords.href(
              DeadLetterFilter.of(entity.storeHash(), entity.type(), null),
              Optional.of(item.id() + 1),
              List.of())
          + "#item-"
          + item.id();
    }

    public String timelineHref() {
      return ConsoleFormat.timelineHref(entity);
    }
  }
}
