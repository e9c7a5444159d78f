package io.bcsync.testsupport.ports;

import io.bcsync.sync.port.StoreReader;
import io.bcsync.sync.port.StoreWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * BigCommerce stores in memory, behind the {@link StoreReader} and {@link StoreWriter} ports:
 * orders, customers, catalog products and categories, and B2B Edition companies with their users,
 * in BigCommerce's own JSON field names (built with {@link StoreOrder} and {@link StoreCustomer}).
 * It records every read (store, what, ids) so tests can see batching, and every write-back.
 *
 * <p>A store is {@code READABLE} once anything is put into it and {@code NOT_CONNECTED} before;
 * {@link #access} says otherwise (a webhook-only store). Modified-since reads of the B2B lists
 * answer everything: the fake keeps no change dates, and more is never wrong for that read.
 */
public final class InMemoryStore implements StoreReader, StoreWriter {
  /** One read: which store, which port method, which ids (empty for the B2B lists). */
  public record Read(String storeHash, String what, List<Long> ids) {}

  /** One write-back that changed the store: an order's Salesforce id put in its metafield. */
  public record WriteBack(String storeHash, long orderId, String salesforceId) {}

  private static final class Store {
    StoreAccess access = StoreAccess.READABLE;
    volatile String name;
    final Map<Long, String> groups = new ConcurrentHashMap<>();
    final Map<Long, StoreDocument> orders = new ConcurrentHashMap<>();
    final Map<Long, StoreDocument> customers = new ConcurrentHashMap<>();
    final Map<Long, StoreProduct> products = new ConcurrentHashMap<>();
    final Map<Long, String> categories = new ConcurrentHashMap<>();
    final Map<Long, Long> companyOfUser = new ConcurrentHashMap<>();
    final Map<Long, String> companies = new ConcurrentHashMap<>();
    final Map<Long, String> salesforceIds = new ConcurrentHashMap<>();
  }

  private final Map<String, Store> stores = new ConcurrentHashMap<>();
  private final List<Read> reads = new CopyOnWriteArrayList<>();
  private final List<WriteBack> writeBacks = new CopyOnWriteArrayList<>();
  private final List<String> hookRepairs = new CopyOnWriteArrayList<>();

  // --- what tests build ---

  public StoreCustomer customer(String storeHash, long customerId) {
    return new StoreCustomer(this, storeHash, customerId);
  }

  /**
   * An order of a registered customer, billed to the customer's name and e-mail when the customer
   * is in the store already (as a checkout fills them in).
   */
  public StoreOrder order(String storeHash, long orderId, long customerId) {
    StoreOrder order = new StoreOrder(this, storeHash, orderId).customer(customerId);
    StoreDocument customer = store(storeHash).customers.get(customerId);
    if (customer != null) {
      order.billing(
          customer.json().path("first_name").asText(),
          customer.json().path("last_name").asText(),
          customer.json().path("email").asText());
    }
    return order;
  }

  /** A guest checkout: customer_id 0, known only by its billing address. */
  public StoreOrder guestOrder(String storeHash, long orderId, String email) {
    return new StoreOrder(this, storeHash, orderId).email(email);
  }

  public void customerGroup(String storeHash, long groupId, String name) {
    store(storeHash).groups.put(groupId, name);
  }

  /** The store's name as {@code GET /v2/store} answers it; "Store {hash}" unless set. */
  public void name(String storeHash, String name) {
    store(storeHash).name = name;
  }

  public void product(String storeHash, long productId, List<Long> categoryIds) {
    store(storeHash)
        .products
        .put(productId, new StoreProduct(productId, categoryIds, Instant.now().toEpochMilli()));
  }

  public void category(String storeHash, long categoryId, String name) {
    store(storeHash).categories.put(categoryId, name);
  }

  public void company(String storeHash, long companyId, String name) {
    store(storeHash).companies.put(companyId, name);
  }

  public void companyUser(String storeHash, long customerId, long companyId) {
    store(storeHash).companyOfUser.put(customerId, companyId);
  }

  public void access(String storeHash, StoreAccess access) {
    store(storeHash).access = access;
  }

  public void deleteOrder(String storeHash, long orderId) {
    store(storeHash).orders.remove(orderId);
  }

  void putOrder(String storeHash, StoreDocument order) {
    store(storeHash).orders.put(order.id(), order);
  }

  void putCustomer(String storeHash, StoreDocument customer) {
    store(storeHash).customers.put(customer.id(), customer);
  }

  // --- what tests see ---

  public List<Read> reads() {
    return List.copyOf(reads);
  }

  public List<Read> reads(String storeHash, String what) {
    return reads.stream()
        .filter(r -> r.storeHash().equals(storeHash) && r.what().equals(what))
        .toList();
  }

  public List<WriteBack> writeBacks() {
    return List.copyOf(writeBacks);
  }

  /** The order's {@code bcsync.salesforce_id} metafield. */
  public Optional<String> salesforceId(String storeHash, long orderId) {
    return Optional.ofNullable(store(storeHash).salesforceIds.get(orderId));
  }

  public List<String> hookRepairs() {
    return List.copyOf(hookRepairs);
  }

  // --- StoreReader ---

  @Override
  public StoreAccess access(String storeHash) {
    Store store = stores.get(storeHash);
    return store == null ? StoreAccess.NOT_CONNECTED : store.access;
  }

  @Override
  public Map<Long, StoreDocument> orders(String storeHash, Collection<Long> orderIds) {
    return byIds(storeHash, "orders", orderIds, s -> s.orders);
  }

  @Override
  public Map<Long, StoreDocument> customers(String storeHash, Collection<Long> customerIds) {
    return byIds(storeHash, "customers", customerIds, s -> s.customers);
  }

  @Override
  public Map<Long, StoreProduct> products(String storeHash, Collection<Long> productIds) {
    return byIds(storeHash, "products", productIds, s -> s.products);
  }

  @Override
  public Map<Long, List<Long>> categoriesOf(String storeHash, Collection<Long> productIds) {
    Map<Long, List<Long>> categories = new LinkedHashMap<>();
    byIds(storeHash, "categoriesOf", productIds, s -> s.products)
        .forEach((id, product) -> categories.put(id, product.categoryIds()));
    return categories;
  }

  @Override
  public Map<Long, String> customerGroupNames(String storeHash) {
    reads.add(new Read(storeHash, "customerGroupNames", List.of()));
    return Map.copyOf(store(storeHash).groups);
  }

  @Override
  public String defaultCurrency(String storeHash) {
    reads.add(new Read(storeHash, "defaultCurrency", List.of()));
    return defaultCurrencies.getOrDefault(storeHash, "USD");
  }

  /** The store's default currency ({@code GET /v2/store}); USD unless set. */
  public synchronized void defaultCurrency(String storeHash, String currency) {
    defaultCurrencies.put(storeHash, currency);
  }

  private final Map<String, String> defaultCurrencies =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public String storeName(String storeHash) {
    reads.add(new Read(storeHash, "storeName", List.of()));
    String name = store(storeHash).name;
    return name != null ? name : "Store " + storeHash;
  }

  @Override
  public Map<Long, String> categoryNames(String storeHash, Collection<Long> categoryIds) {
    return byIds(storeHash, "categoryNames", categoryIds, s -> s.categories);
  }

  @Override
  public List<B2bCompanyUser> companyUsers(String storeHash, Instant modifiedSince) {
    reads.add(new Read(storeHash, "companyUsers", List.of()));
    List<B2bCompanyUser> users = new ArrayList<>();
    store(storeHash).companyOfUser.forEach((c, co) -> users.add(new B2bCompanyUser(c, co)));
    return users;
  }

  @Override
  public List<B2bCompany> companies(String storeHash, Instant modifiedSince) {
    reads.add(new Read(storeHash, "companies", List.of()));
    List<B2bCompany> companies = new ArrayList<>();
    store(storeHash).companies.forEach((id, name) -> companies.add(new B2bCompany(id, name)));
    return companies;
  }

  // --- StoreWriter ---

  /** Converges: the same id again changes nothing; an order gone fails for good. */
  @Override
  public Map<Long, WriteFailure> recordSalesforceIds(
      String storeHash, Map<Long, String> salesforceIdByOrder) {
    Map<Long, WriteFailure> failed = new LinkedHashMap<>();
    Store store = store(storeHash);
    salesforceIdByOrder.forEach(
        (orderId, salesforceId) -> {
          if (!store.orders.containsKey(orderId)) {
            failed.put(orderId, new WriteFailure("order " + orderId + " not found", false));
          } else if (!salesforceId.equals(store.salesforceIds.put(orderId, salesforceId))) {
            writeBacks.add(new WriteBack(storeHash, orderId, salesforceId));
          }
        });
    return failed;
  }

  @Override
  public void repairWebhooks(String storeHash) {
    hookRepairs.add(storeHash);
  }

  private Store store(String storeHash) {
    return stores.computeIfAbsent(storeHash, h -> new Store());
  }

  /** The entities of these ids that exist (ids missing are deleted), with the read recorded. */
  private <T> Map<Long, T> byIds(
      String storeHash, String what, Collection<Long> ids, Function<Store, Map<Long, T>> entities) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    reads.add(new Read(storeHash, what, List.copyOf(ids)));
    Map<Long, T> all = entities.apply(store(storeHash));
    Map<Long, T> found = new LinkedHashMap<>();
    for (Long id : ids) {
      T entity = all.get(id);
      if (entity != null) {
        found.put(id, entity);
      }
    }
    return found;
  }
}
