package io.bcsync.bigcommerce.reading;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.Dtos;
import io.bcsync.bigcommerce.client.StoreClient;
import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.sync.port.SalesReader;
import io.bcsync.sync.port.StoreReader;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import jakarta.inject.Singleton;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SalesReader} port over the BigCommerce REST API: orders of a day by creation date (250
 * per call, lines inlined), refunds of a day (V3, 250 per call), UTM metafields through the batch
 * order-metafield endpoint (250 per call).
 */
@Singleton
public class BigCommerceSalesReader implements SalesReader {
  private static final Logger LOG = LoggerFactory.getLogger(BigCommerceSalesReader.class);

  private final BigCommerceClient client;
  private final StoreReader storeReader;
  private final ConnectedStores stores;

  public BigCommerceSalesReader(
      BigCommerceClient client, StoreReader storeReader, ConnectedStores stores) {
    this.client = client;
    this.storeReader = storeReader;
    this.stores = stores;
  }

  @Override
  public List<String> readableStores() {
    return stores.withApiAccess().stream().map(ConnectedStore::storeHash).toList();
  }

  /**
   * {@code timezone.name} of {@code GET /v2/store}, an IANA id ({@code America/Chicago} in
   * store_information.v2.yml's example); UTC, with a warning, when absent or unknown.
   */
  @Override
  public ZoneId timeZone(String storeHash) {
    String name = store(storeHash).timeZoneName();
    if (name.isBlank()) {
      LOG.warn("Store {} names no time zone in its settings; its days are taken in UTC", storeHash);
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      LOG.warn("Store {} has time zone '{}', which is not an IANA id; using UTC", storeHash, name);
      return ZoneOffset.UTC;
    }
  }

  @Override
  public List<StoreDocument> ordersCreated(String storeHash, Instant from, Instant to) {
    return store(storeHash).orders().createdBetween(from, to).stream()
        .map(
            d ->
                new StoreDocument(
                    d.order().id(),
                    d.json(),
                    d.order().dateModified() == null
                        ? null
                        : d.order().dateModified().toEpochMilli()))
        .toList();
  }

  @Override
  public Map<Long, StoreDocument> orders(String storeHash, Collection<Long> orderIds) {
    return storeReader.orders(storeHash, orderIds);
  }

  @Override
  public List<StoreRefund> refundsCreated(String storeHash, Instant from, Instant to) {
    return store(storeHash).orders().refundsCreatedBetween(from, to).stream()
        .map(r -> new StoreRefund(r.id(), r.orderId(), r.created(), r.totalAmount()))
        .toList();
  }

  @Override
  public Map<Long, List<StoreRefund>> refundsOf(String storeHash, Collection<Long> orderIds) {
    Map<Long, List<StoreRefund>> out = new LinkedHashMap<>();
    if (orderIds.isEmpty()) {
      return out;
    }
    store(storeHash).orders().refundsOfOrders(orderIds).stream()
        .sorted(java.util.Comparator.comparingLong(Dtos.Refund::id))
        .forEach(
            r ->
                out.computeIfAbsent(r.orderId(), id -> new java.util.ArrayList<>())
                    .add(new StoreRefund(r.id(), r.orderId(), r.created(), r.totalAmount())));
    return out;
  }

  @Override
  public Map<Long, String> orderMetafieldsCreated(
      String storeHash, String namespace, String key, Instant from, Instant to) {
    Map<Long, String> values = new LinkedHashMap<>();
    for (Dtos.Metafield m :
        store(storeHash).orders().metafieldsCreatedBetween(namespace, key, from, to)) {
      if (namespace.equals(m.namespace()) && key.equals(m.key())) {
        values.put(m.resourceId(), m.value());
      }
    }
    return values;
  }

  @Override
  public Map<Long, String> orderMetafields(
      String storeHash, String namespace, String key, Collection<Long> orderIds) {
    Map<Long, String> values = new LinkedHashMap<>();
    for (long orderId : orderIds) {
      for (Dtos.Metafield m : store(storeHash).orders().metafields(orderId)) {
        if (namespace.equals(m.namespace()) && key.equals(m.key())) {
          values.put(orderId, m.value());
        }
      }
    }
    return values;
  }

  private StoreClient store(String storeHash) {
    return client.forStore(storeHash);
  }
}
