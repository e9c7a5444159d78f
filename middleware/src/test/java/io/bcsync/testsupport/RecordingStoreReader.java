package io.bcsync.testsupport;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.reading.BigCommerceStoreReader;
import io.bcsync.bigcommerce.reading.EntityVersions;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.sync.port.StoreReader;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real BigCommerce reader, recording every order it read and answering with a document a test
 * put in place instead of the store's current one (to feed the sync an old version).
 */
@Singleton
@Replaces(BigCommerceStoreReader.class)
@Requires(property = "test.recording-store-reader", value = "true")
public class RecordingStoreReader implements StoreReader {
  private final BigCommerceStoreReader real;
  private final List<Read> orders = new CopyOnWriteArrayList<>();
  private final Map<String, StoreDocument> orderOverrides = new ConcurrentHashMap<>();

  /** An order as read: its store and document. */
  public record Read(String storeHash, StoreDocument document) {}

  public RecordingStoreReader(
      ConnectedStores stores, BigCommerceClient client, EntityVersions versions) {
    this.real = new BigCommerceStoreReader(stores, client, versions);
  }

  public List<Read> orders() {
    return List.copyOf(orders);
  }

  /** From now on, reading this order answers {@code document}. */
  public void answerOrder(String storeHash, StoreDocument document) {
    orderOverrides.put(storeHash + ":" + document.id(), document);
  }

  public void clearOverrides() {
    orderOverrides.clear();
  }

  @Override
  public StoreAccess access(String storeHash) {
    return real.access(storeHash);
  }

  @Override
  public Map<Long, StoreDocument> orders(String storeHash, Collection<Long> orderIds) {
    Map<Long, StoreDocument> read = new LinkedHashMap<>(real.orders(storeHash, orderIds));
    for (Long id : orderIds) {
      StoreDocument override = orderOverrides.get(storeHash + ":" + id);
      if (override != null) {
        read.put(id, override);
      }
    }
    read.values().forEach(document -> orders.add(new Read(storeHash, document)));
    return read;
  }

  @Override
  public Map<Long, StoreDocument> customers(String storeHash, Collection<Long> customerIds) {
    return real.customers(storeHash, customerIds);
  }

  @Override
  public Map<Long, StoreProduct> products(String storeHash, Collection<Long> productIds) {
    return real.products(storeHash, productIds);
  }

  @Override
  public Map<Long, List<Long>> categoriesOf(String storeHash, Collection<Long> productIds) {
    return real.categoriesOf(storeHash, productIds);
  }

  @Override
  public Map<Long, String> customerGroupNames(String storeHash) {
    return real.customerGroupNames(storeHash);
  }

  @Override
  public String storeName(String storeHash) {
    return real.storeName(storeHash);
  }

  @Override
  public String defaultCurrency(String storeHash) {
    return real.defaultCurrency(storeHash);
  }

  @Override
  public Map<Long, String> categoryNames(String storeHash, Collection<Long> categoryIds) {
    return real.categoryNames(storeHash, categoryIds);
  }

  @Override
  public List<B2bCompanyUser> companyUsers(String storeHash, Instant modifiedSince) {
    return real.companyUsers(storeHash, modifiedSince);
  }

  @Override
  public List<B2bCompany> companies(String storeHash, Instant modifiedSince) {
    return real.companies(storeHash, modifiedSince);
  }
}
