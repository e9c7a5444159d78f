package io.bcsync.backfill;

/**
 * Where a backfill is. Customers are read by page number ({@code customerPage}, 1-based, next to
 * read), because V3 customers can be neither filtered nor sorted by id; {@code customersTotal} is
 * the collection size when the previous page was read, so a shrink (customers deleted) is noticed
 * and the walk steps back instead of skipping someone. Orders are read by id keyset: {@code
 * orderAfterId} is the highest id already enqueued. {@code ordersFirstId} and {@code ordersMaxId}
 * bound the walk, for the progress estimate only.
 */
public record BackfillCursor(
    BackfillPhase phase,
    int customerPage,
    Long customersTotal,
    long orderAfterId,
    Long ordersFirstId,
    Long ordersMaxId) {

  public static BackfillCursor start() {
    return new BackfillCursor(BackfillPhase.CUSTOMERS, 1, null, 0, null, null);
  }

  BackfillCursor customersRead(int nextPage, long total) {
    return new BackfillCursor(phase, nextPage, total, orderAfterId, ordersFirstId, ordersMaxId);
  }

  BackfillCursor ordersPhase(Long maxId) {
    return new BackfillCursor(
        BackfillPhase.ORDERS, customerPage, customersTotal, orderAfterId, ordersFirstId, maxId);
  }

  BackfillCursor ordersRead(long lastId, long firstId, boolean last) {
    return new BackfillCursor(
        last ? BackfillPhase.FINISHED : phase,
        customerPage,
        customersTotal,
        lastId,
        ordersFirstId == null ? firstId : ordersFirstId,
        ordersMaxId);
  }

  BackfillCursor finished() {
    return new BackfillCursor(
        BackfillPhase.FINISHED,
        customerPage,
        customersTotal,
        orderAfterId,
        ordersFirstId,
        ordersMaxId);
  }
}
