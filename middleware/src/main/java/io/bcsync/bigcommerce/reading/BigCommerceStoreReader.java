package io.bcsync.bigcommerce.reading;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.StoreClient;
import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.sync.port.StoreReader;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link StoreReader} port over the BigCommerce REST API, in as few calls as the API allows
 * (orders by id range with their lines inlined, customers and products with {@code id:in}). Every
 * read of an order, customer or product records the version read, so the catch-up poll does not
 * enqueue changes already seen.
 */
@Singleton
public class BigCommerceStoreReader implements StoreReader {
  private final ConnectedStores stores;
  private final BigCommerceClient client;
  private final EntityVersions versions;

  public BigCommerceStoreReader(
      ConnectedStores stores, BigCommerceClient client, EntityVersions versions) {
    this.stores = stores;
    this.client = client;
    this.versions = versions;
  }

  @Override
  public StoreAccess access(String storeHash) {
    Optional<ConnectedStore> store = stores.find(storeHash);
    if (store.isEmpty()) {
      return StoreAccess.NOT_CONNECTED;
    }
    return store.get().hasApiAccess() ? StoreAccess.READABLE : StoreAccess.WEBHOOKS_ONLY;
  }

  @Override
  public Map<Long, StoreDocument> orders(String storeHash, Collection<Long> orderIds) {
    return recorded(
        storeHash,
        "order",
        orderIds,
        ids -> store(storeHash).orders().readDocuments(ids),
        d -> document(d.order().id(), d.json(), d.order().dateModified()));
  }

  @Override
  public Map<Long, StoreDocument> customers(String storeHash, Collection<Long> customerIds) {
    return recorded(
        storeHash,
        "customer",
        customerIds,
        ids -> store(storeHash).customers().readDocuments(ids),
        d -> document(d.customer().id(), d.json(), d.customer().dateModified()));
  }

  @Override
  public Map<Long, StoreProduct> products(String storeHash, Collection<Long> productIds) {
    return recorded(
        storeHash,
        "product",
        productIds,
        ids -> store(storeHash).catalog().readByIds(ids),
        p -> new StoreProduct(p.id(), p.categories(), millis(p.dateModified())));
  }

  @Override
  public Map<Long, List<Long>> categoriesOf(String storeHash, Collection<Long> productIds) {
    return productIds.isEmpty() ? Map.of() : store(storeHash).catalog().categoriesOf(productIds);
  }

  @Override
  public Map<Long, String> categoryNames(String storeHash, Collection<Long> categoryIds) {
    return categoryIds.isEmpty() ? Map.of() : store(storeHash).catalog().categoryNames(categoryIds);
  }

  @Override
  public List<B2bCompanyUser> companyUsers(String storeHash, Instant modifiedSince) {
    var companies = store(storeHash).companies();
    var users =
        modifiedSince == null ? companies.users() : companies.usersModifiedSince(modifiedSince);
    return users.stream().map(u -> new B2bCompanyUser(u.customerId(), u.companyId())).toList();
  }

  @Override
  public List<B2bCompany> companies(String storeHash, Instant modifiedSince) {
    var companies = store(storeHash).companies();
    var list = modifiedSince == null ? companies.list() : companies.modifiedSince(modifiedSince);
    return list.stream().map(c -> new B2bCompany(c.id(), c.name())).toList();
  }

  @Override
  public String storeName(String storeHash) {
    return store(storeHash).storeInfo().name();
  }

  @Override
  public String defaultCurrency(String storeHash) {
    String currency = store(storeHash).storeInfo().currency();
    if (currency == null || !currency.matches("[A-Za-z]{3}")) {
      throw new IllegalStateException(
          "store " + storeHash + " answered GET /v2/store without a currency code");
    }
    return currency.toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public Map<Long, String> customerGroupNames(String storeHash) {
    return store(storeHash).customerGroupNames();
  }

  private StoreClient store(String storeHash) {
    return client.forStore(storeHash);
  }

  /** Reads by id and records the version of everything read, in one place for all types. */
  private <T, R> Map<Long, R> recorded(
      String storeHash,
      String type,
      Collection<Long> ids,
      Function<Collection<Long>, Map<Long, T>> read,
      Function<T, R> convert) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, R> out = new LinkedHashMap<>();
    Map<String, Long> readVersions = new LinkedHashMap<>();
    read.apply(ids)
        .forEach(
            (id, resource) -> {
              R converted = convert.apply(resource);
              out.put(id, converted);
              Long modified = modifiedOf(converted);
              if (modified != null) {
                readVersions.put(String.valueOf(id), modified);
              }
            });
    versions.recordRead(storeHash, type, readVersions);
    return out;
  }

  private static Long modifiedOf(Object converted) {
    if (converted instanceof StoreDocument document) {
      return document.modifiedMs();
    }
    return converted instanceof StoreProduct product ? product.modifiedMs() : null;
  }

  private static StoreDocument document(
      long id, com.fasterxml.jackson.databind.JsonNode json, Instant modified) {
    return new StoreDocument(id, json, millis(modified));
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
