package io.bcsync.sim.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.catalog.CatalogOperations;
import io.bcsync.sim.bigcommerce.catalog.V3CategoriesApi;
import io.bcsync.sim.bigcommerce.customers.CustomerOperations;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.bigcommerce.orders.OrderOperations;
import io.bcsync.sim.bigcommerce.store.Address;
import io.bcsync.sim.bigcommerce.store.ApiCredential;
import io.bcsync.sim.bigcommerce.store.Coupon;
import io.bcsync.sim.bigcommerce.store.Order;
import io.bcsync.sim.bigcommerce.store.Product;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.StoreRuntime;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryAttempt;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryChaos;
import io.bcsync.sim.bigcommerce.webhooks.WebhookDispatcher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The Java control handle of one simulated store: what shoppers and merchants do (orders,
 * customers, refunds, status changes), fault injection, and read access to everything clients
 * wrote. The HTTP control API mirrors it.
 */
public final class SimulatedStore {
  private final StoreRuntime runtime;
  private final ApiCredential credential;
  private final WebhookDispatcher webhooks;
  private final Random random = new Random(42);

  SimulatedStore(StoreRuntime runtime, ApiCredential credential, WebhookDispatcher webhooks) {
    this.runtime = runtime;
    this.credential = credential;
    this.webhooks = webhooks;
  }

  public String hash() {
    return store().hash();
  }

  /** The numeric id webhook bodies carry in store_id. */
  public String storeId() {
    return store().storeId();
  }

  public String accessToken() {
    return credential.accessToken();
  }

  public String clientId() {
    return credential.clientId();
  }

  public String clientSecret() {
    return credential.clientSecret();
  }

  /** Adds another API account (e.g. a second app) whose hooks and metafields are private to it. */
  public void addApiAccount(String accessToken, String clientId, String clientSecret) {
    store().addCredential(new ApiCredential(accessToken, clientId, clientSecret, "all"));
  }

  // ---- shopper and merchant activity
  // -------------------------------------------------------------------------

  public long createCustomer(String email, String firstName, String lastName) {
    return createCustomer(
        Json.object().put("email", email).put("first_name", firstName).put("last_name", lastName));
  }

  /** Creates a customer from a V3 customer body; the email must be unused (case-insensitively). */
  public long createCustomer(JsonNode v3Body) {
    return write(s -> CustomerOperations.create(s, v3Body, true).id);
  }

  /**
   * Creates a customer even when another one already uses the email in a different case, as
   * long-lived real stores contain (the REST API refuses that).
   */
  public long createCustomerAllowingDuplicateEmail(
      String email, String firstName, String lastName) {
    ObjectNode body =
        Json.object().put("email", email).put("first_name", firstName).put("last_name", lastName);
    return write(s -> CustomerOperations.create(s, body, false).id);
  }

  public long createProduct(String name, String sku, BigDecimal price) {
    return createProduct(
        Json.object()
            .put("name", name)
            .put("type", "physical")
            .put("sku", sku)
            .put("price", price)
            .put("weight", 1));
  }

  /** Creates a product from a V3 product body. */
  public long createProduct(JsonNode v3Body) {
    return write(s -> CatalogOperations.create(s, v3Body).id);
  }

  /**
   * Creates a top-level category in the default tree; products name it in their {@code categories}.
   */
  public long createCategory(String name) {
    return write(
        s -> V3CategoriesApi.create(s, Json.object().put("name", name).put("tree_id", 1)).id);
  }

  /** type: 0 per-item $, 1 per-item %, 2 per-total $, 3 per-total %, 4 free shipping. */
  public long createCoupon(String code, int type, BigDecimal amount) {
    return write(
        s -> {
          Coupon c = new Coupon();
          c.id = s.nextId();
          c.code = code;
          c.type = type;
          c.amount = amount;
          s.coupons.put(c.id, c);
          return c.id;
        });
  }

  public long createOrder(OrderDraft draft) {
    return write(s -> OrderOperations.create(s, draft).id);
  }

  /** A registered customer's checkout of one unit of each given product. */
  public long placeOrder(long customerId, long... productIds) {
    OrderDraft draft = new OrderDraft();
    draft.customerId = customerId;
    draft.billing = read(s -> billingOf(s, customerId));
    for (long productId : productIds) {
      draft.addLine(OrderDraft.Line.of(productId, 1));
    }
    return createOrder(draft);
  }

  /**
   * A registered customer's order of one unit of each given product, created in the given status
   * (e.g. 6 Declined: a checkout whose payment was refused).
   */
  public long placeOrderWithStatus(long customerId, int statusId, long... productIds) {
    OrderDraft draft = new OrderDraft();
    draft.customerId = customerId;
    draft.billing = read(s -> billingOf(s, customerId));
    draft.statusId = statusId;
    for (long productId : productIds) {
      draft.addLine(OrderDraft.Line.of(productId, 1));
    }
    return createOrder(draft);
  }

  /** A guest checkout: customer_id 0, the email only in the billing address. */
  public long placeGuestOrder(String email, long... productIds) {
    OrderDraft draft = new OrderDraft();
    draft.billing = guestAddress(email);
    for (long productId : productIds) {
      draft.addLine(OrderDraft.Line.of(productId, 1));
    }
    return createOrder(draft);
  }

  /**
   * An order with {@code lineCount} distinct custom lines, for paging tests (more than 250 needs
   * two pages).
   */
  public long placeOrderWithLines(long customerId, int lineCount) {
    OrderDraft draft = new OrderDraft();
    draft.customerId = customerId;
    draft.billing =
        customerId == 0 ? guestAddress("guest@example.com") : read(s -> billingOf(s, customerId));
    for (int i = 1; i <= lineCount; i++) {
      draft.addLine(
          OrderDraft.Line.custom("Line item " + i, "LINE-" + i, new BigDecimal("1.25"), 1));
    }
    return createOrder(draft);
  }

  /** An order abandoned at payment: status 0, which still fires store/order/created. */
  public long placeIncompleteOrder(String email, long productId) {
    OrderDraft draft = new OrderDraft();
    draft.billing = guestAddress(email);
    draft.statusId = 0;
    draft.addLine(OrderDraft.Line.of(productId, 1));
    return createOrder(draft);
  }

  /**
   * N guest orders in a row, one or two lines each, over the store's products (creating one if
   * there is none).
   */
  public List<Long> burstOrders(int count) {
    long productId = read(s -> s.products.isEmpty() ? 0L : s.products.keySet().iterator().next());
    if (productId == 0) {
      productId = createProduct("Burst product", "BURST-1", new BigDecimal("9.99"));
    }
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OrderDraft draft = new OrderDraft();
      draft.billing = guestAddress("burst" + random.nextInt(1_000_000) + "@example.com");
      draft.addLine(OrderDraft.Line.of(productId, 1 + random.nextInt(3)));
      ids.add(createOrder(draft));
    }
    return ids;
  }

  public void changeOrderStatus(long orderId, int statusId) {
    write(
        s -> {
          OrderOperations.changeStatus(s, order(s, orderId), statusId);
          return null;
        });
  }

  /** Refunds an amount of the order (an ORDER-level refund). */
  public long refund(long orderId, BigDecimal amount) {
    return write(
        s -> OrderOperations.refund(s, order(s, orderId), Map.of(), amount, "Simulated refund").id);
  }

  /**
   * A payment attempt on the order that the gateway declined: an {@code error} transaction, the
   * order's status unchanged ({@link io.bcsync.sim.bigcommerce.orders.OrderProblems}).
   */
  public long declinePayment(long orderId, String message) {
    return write(
        s ->
            io.bcsync.sim.bigcommerce.orders.OrderProblems.declinePayment(
                    s, order(s, orderId), message)
                .id);
  }

  /** A shopper's return of the order's line with {@code sku}; answers the return id. */
  public long markReturned(long orderId, String sku) {
    return write(
        s ->
            io.bcsync.sim.bigcommerce.orders.OrderProblems.markReturned(s, order(s, orderId), sku));
  }

  /**
   * An order metafield written by the storefront's own API account (client id {@code storefront},
   * permission set {@code read}, so other apps such as bcsync can read it), as a storefront records
   * the UTM parameters of a checkout (docs/order-rules.md, "UTM facts"). Returns its id.
   */
  public long recordStorefrontMetafield(long orderId, String namespace, String key, String value) {
    return write(
        s -> {
          order(s, orderId);
          return io.bcsync.sim.bigcommerce.orders.OrderProblems.storefrontMetafield(
              s, orderId, namespace, key, value);
        });
  }

  /** Sets a product's stock (absolute), firing the inventory hook. */
  public void setStock(long productId, int level) {
    write(
        s -> {
          Product p = s.products.get(productId);
          if (p == null) {
            throw new IllegalArgumentException("no product " + productId);
          }
          CatalogOperations.setStock(s, p, p.baseVariant(), level, "updated");
          return null;
        });
  }

  /** Updates a product as a merchant in the control panel would (V3 product body fields). */
  public void updateProduct(long productId, JsonNode v3Body) {
    write(
        s -> {
          CatalogOperations.update(s, s.products.get(productId), v3Body);
          return null;
        });
  }

  public void updateCustomer(long customerId, JsonNode v3Body) {
    write(
        s -> {
          CustomerOperations.update(s, s.customers.get(customerId), v3Body);
          return null;
        });
  }

  // ---- faults, webhooks, reading back
  // ------------------------------------------------------------------------

  public void injectFault(Fault fault) {
    runtime.faults().add(fault);
  }

  public void clearFaults() {
    runtime.faults().clear();
  }

  /** Uses up the current rate-limit window, as another app sharing the store's quota would. */
  public void exhaustRateLimit() {
    runtime.rateLimiter().exhaust(store().now());
  }

  public void setWebhookChaos(DeliveryChaos chaos) {
    webhooks.setChaos(hash(), chaos);
  }

  /** Delivery attempts for this store's hooks, oldest first. */
  public List<DeliveryAttempt> webhookAttempts() {
    return webhooks.attempts().stream().filter(a -> a.storeHash().equals(hash())).toList();
  }

  /** API calls received (the last 2000), with the bodies of writes. */
  public List<RequestLog.Entry> requests() {
    return runtime.requests().entries();
  }

  /** Calls per "METHOD /route/template". */
  public Map<String, Long> callCounts() {
    return runtime.requests().counts();
  }

  /**
   * The price a signed-in customer sees for a SKU ({@link
   * io.bcsync.sim.bigcommerce.pricelists.PriceSeen}).
   */
  public BigDecimal priceSeenBy(long customerId, String sku, String currency) {
    return read(
        s -> io.bcsync.sim.bigcommerce.pricelists.PriceSeen.by(s, customerId, sku, currency));
  }

  /** The store's inventory locations and the stock at each (as the merchant sets them). */
  public SimulatedInventory inventory() {
    return new SimulatedInventory(store());
  }

  /** Reads store state under its lock, e.g. {@code store.read(s -> s.orders.get(id).statusId)}. */
  public <T> T read(Function<Store, T> reader) {
    synchronized (store()) {
      return reader.apply(store());
    }
  }

  Store store() {
    return runtime.store();
  }

  private <T> T write(Function<Store, T> writer) {
    synchronized (store()) {
      return writer.apply(store());
    }
  }

  private static Order order(Store s, long orderId) {
    Order o = s.orders.get(orderId);
    if (o == null) {
      throw ApiException.notFound();
    }
    return o;
  }

  private static Address billingOf(Store s, long customerId) {
    var c = s.customers.get(customerId);
    if (c == null) {
      throw new IllegalArgumentException("no customer " + customerId);
    }
    Address a = new Address();
    a.firstName = c.firstName;
    a.lastName = c.lastName;
    a.email = c.email;
    a.street1 = "1 Main Street";
    a.city = "Austin";
    a.state = "Texas";
    a.zip = "78701";
    return a;
  }

  static Address guestAddress(String email) {
    Address a = new Address();
    a.firstName = "Guest";
    a.lastName = "Shopper";
    a.email = email;
    a.street1 = "2 Side Street";
    a.city = "Austin";
    a.state = "Texas";
    a.zip = "78702";
    return a;
  }
}
