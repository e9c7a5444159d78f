package io.bcsync.bench;

import io.bcsync.sim.bigcommerce.SimulatedStore;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Places orders of the seeded customers and products in the store, chosen by one seeded random
 * source, so every run places the same orders.
 */
final class OrderPlacement {
  private final SimulatedStore store;
  private final List<Long> customers;
  private final List<Long> products;
  private final Random random = new Random(42);

  OrderPlacement(SimulatedStore store, List<Long> customers, List<Long> products) {
    this.store = store;
    this.customers = customers;
    this.products = products;
  }

  /** An order of 1 to 5 products (3 on average, duplicates dropped); returns its line count. */
  int placeOrder() {
    int count = 1 + random.nextInt(5); // 1..5 lines, 3 on average
    long[] chosen = new long[count];
    for (int i = 0; i < count; i++) {
      chosen[i] = products.get(random.nextInt(products.size()));
    }
    store.placeOrder(customers.get(random.nextInt(customers.size())), distinct(chosen));
    return distinct(chosen).length;
  }

  /** An order of one or two products; returns its id. */
  long placeOrderReturningId() {
    long[] chosen = {
      products.get(random.nextInt(products.size())), products.get(random.nextInt(products.size()))
    };
    return store.placeOrder(customers.get(random.nextInt(customers.size())), distinct(chosen));
  }

  private static long[] distinct(long[] ids) {
    return Arrays.stream(ids).distinct().toArray();
  }
}
