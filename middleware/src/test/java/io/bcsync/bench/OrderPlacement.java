package io.bcsync.bench;

import io.bcsync.sim.bigcommerce.SimulatedStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Places orders of the seeded customers and products in the store, chosen by one seeded random
 * source, so every run places the same orders. The burst is planned before the middleware starts,
 * so the rules run can set its high-value threshold to what exactly 5 % of the burst's orders reach
 * (issue 18's benchmark); every 50th order of the burst is Declined (2 %, the payment failures its
 * Case rule answers), in both runs, so the runs with and without rules place the same orders.
 */
final class OrderPlacement {
  /** One order in {@value} of the burst is Declined: 2 %. */
  static final int DECLINED_EVERY = 50;

  private static final int DECLINED = 6;

  /** A planned order: its buyer, its products (one unit each), its status and its total. */
  record PlannedOrder(long customerId, long[] productIds, int statusId, BigDecimal total) {}

  private final SimulatedStore store;
  private final List<Long> customers;
  private final List<Long> products;
  private final Map<Long, BigDecimal> prices;
  private final Random random = new Random(42);

  OrderPlacement(
      SimulatedStore store,
      List<Long> customers,
      List<Long> products,
      Map<Long, BigDecimal> prices) {
    this.store = store;
    this.customers = customers;
    this.products = products;
    this.prices = prices;
  }

  /** The burst's orders: 1 to 5 products each (3 on average, duplicates dropped). */
  List<PlannedOrder> planBurst(int count) {
    List<PlannedOrder> planned = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int lines = 1 + random.nextInt(5); // 1..5 lines, 3 on average
      long[] chosen = new long[lines];
      for (int j = 0; j < lines; j++) {
        chosen[j] = products.get(random.nextInt(products.size()));
      }
      long customer = customers.get(random.nextInt(customers.size()));
      int status = (i + 1) % DECLINED_EVERY == 0 ? DECLINED : 11; // 11: Awaiting Fulfillment
      planned.add(new PlannedOrder(customer, distinct(chosen), status, total(distinct(chosen))));
    }
    return planned;
  }

  /** The smallest total that {@code share} of the planned orders reach (at least). */
  static BigDecimal totalReachedBy(List<PlannedOrder> orders, double share) {
    List<BigDecimal> totals =
        orders.stream().map(PlannedOrder::total).sorted((a, b) -> b.compareTo(a)).toList();
    int index = Math.max(0, (int) Math.ceil(share * totals.size()) - 1);
    return totals.get(index);
  }

  /** Places a planned order; returns its line count. */
  int place(PlannedOrder order) {
    store.placeOrderWithStatus(order.customerId(), order.statusId(), order.productIds());
    return order.productIds().length;
  }

  /** An order of one or two products; returns its id. */
  long placeOrderReturningId() {
    long[] chosen = {
      products.get(random.nextInt(products.size())), products.get(random.nextInt(products.size()))
    };
    return store.placeOrder(customers.get(random.nextInt(customers.size())), distinct(chosen));
  }

  private BigDecimal total(long[] productIds) {
    BigDecimal sum = BigDecimal.ZERO;
    for (long id : productIds) {
      sum = sum.add(prices.get(id));
    }
    return sum;
  }

  private static long[] distinct(long[] ids) {
    return Arrays.stream(ids).distinct().toArray();
  }
}
