package io.bcsync.sim.bigcommerce.demo;

import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.http.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shopper and merchant activity for demos: a small catalog, then every tick a new customer, a
 * customer or guest order, a status change (sometimes holding an order Awaiting Fulfillment), a
 * stock change or now and then a refund or a declined payment attempt, each firing its webhooks.
 */
public final class DemoActivity implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoActivity.class);
  private static final String[] UTM_SOURCES = {"google", "newsletter", "instagram"};

  private static final String[] FIRST = {
    "Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Margaret", "Linus"
  };
  private static final String[] LAST = {
    "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Thompson", "Hamilton"
  };

  private final SimulatedStore store;
  private final Random random = new Random(7);
  private final List<Long> products = new ArrayList<>();
  private final List<Long> customers = new ArrayList<>();
  private final List<Long> orders = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "bc-sim-demo");
            t.setDaemon(true);
            return t;
          });
  private int tick;

  public DemoActivity(SimulatedStore store) {
    this.store = store;
  }

  public void seed() {
    String[][] catalog = {
      {"Linen Towel", "TOWEL-LIN", "12.50"},
      {"Ceramic Mug", "MUG-CER", "9.95"},
      {"Oak Board", "BOARD-OAK", "34.00"},
      {"Copper Kettle", "KETTLE-CU", "79.00"},
      {"Wool Throw", "THROW-WOOL", "120.00"}
    };
    for (String[] p : catalog) {
      products.add(
          store.createProduct(
              Json.object()
                  .put("name", p[0])
                  .put("type", "physical")
                  .put("sku", p[1])
                  .put("price", new BigDecimal(p[2]))
                  .put("weight", 1)
                  .put("inventory_tracking", "product")
                  .put("inventory_level", 500)));
    }
    for (int i = 0; i < 3; i++) {
      newCustomer();
    }
    store.createCoupon("WELCOME10", 3, new BigDecimal("10"));
  }

  public void start(Duration interval) {
    timer.scheduleWithFixedDelay(
        this::safeTick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("demo activity step failed: {}", e.getMessage());
    }
  }

  void tick() {
    tick++;
    int dice = random.nextInt(10);
    if (dice < 2) {
      newCustomer();
    } else if (dice < 5 && !customers.isEmpty()) {
      long order = store.placeOrder(pick(customers), pick(products), pick(products));
      orders.add(order);
      // Now and then the storefront records where the shopper came from, as a real storefront
      // would (docs/order-rules.md, "UTM facts"), so the daily revenue has UTM rows.
      if (random.nextInt(3) == 0) {
        String source = UTM_SOURCES[random.nextInt(UTM_SOURCES.length)];
        store.recordStorefrontMetafield(
            order, "bcsync", "utm", "{\"source\":\"" + source + "\",\"medium\":\"cpc\"}");
      }
    } else if (dice < 7) {
      orders.add(store.placeGuestOrder("guest" + tick + "@example.com", pick(products)));
    } else if (dice < 9 && !orders.isEmpty()) {
      // Now and then an order is held Awaiting Fulfillment (11), which the fulfilment-delay rule
      // of the demo store's configuration finds once it is old enough.
      int[] statuses = {2, 9, 11};
      store.changeOrderStatus(pick(orders), statuses[random.nextInt(statuses.length)]);
    } else if (!orders.isEmpty() && random.nextBoolean()) {
      store.refund(pick(orders), new BigDecimal("1.00"));
    } else if (!orders.isEmpty() && random.nextBoolean()) {
      // A declined payment attempt, for the demo's payment-failed Case rule.
      store.declinePayment(pick(orders), "Card declined (demo)");
    } else {
      store.setStock(pick(products), 100 + random.nextInt(400));
    }
  }

  private void newCustomer() {
    String first = FIRST[random.nextInt(FIRST.length)];
    String last = LAST[random.nextInt(LAST.length)];
    customers.add(
        store.createCustomer(
            first.toLowerCase()
                + "."
                + last.toLowerCase()
                + "."
                + (customers.size() + 1)
                + "@example.com",
            first,
            last));
  }

  private long pick(List<Long> ids) {
    return ids.get(random.nextInt(ids.size()));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
