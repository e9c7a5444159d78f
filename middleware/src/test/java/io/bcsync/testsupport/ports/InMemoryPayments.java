package io.bcsync.testsupport.ports;

import io.bcsync.sync.port.OrderPayments;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Orders' payment transactions in memory, behind the {@link OrderPayments} port: tests add
 * transactions per store and order; every read is recorded (store and order ids) so tests can see
 * which orders were read. An order without transactions answers an empty list, as the API's 204.
 */
public final class InMemoryPayments implements OrderPayments {
  /** One read: which store, which orders. */
  public record Read(String storeHash, List<Long> orderIds) {}

  private final Map<String, Map<Long, List<PaymentTransaction>>> stores = new ConcurrentHashMap<>();
  private final List<Read> reads = new CopyOnWriteArrayList<>();

  public void add(String storeHash, PaymentTransaction transaction) {
    stores
        .computeIfAbsent(storeHash, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(transaction.orderId(), o -> new CopyOnWriteArrayList<>())
        .add(transaction);
  }

  public List<Read> reads() {
    return List.copyOf(reads);
  }

  @Override
  public OrderPayments.Read transactions(String storeHash, Collection<Long> orderIds) {
    reads.add(new Read(storeHash, new ArrayList<>(orderIds)));
    Map<Long, List<PaymentTransaction>> out = new LinkedHashMap<>();
    Map<Long, List<PaymentTransaction>> store = stores.getOrDefault(storeHash, Map.of());
    orderIds.forEach(id -> out.put(id, List.copyOf(store.getOrDefault(id, List.of()))));
    return new OrderPayments.Read(out, Map.of());
  }
}
