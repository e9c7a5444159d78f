package io.bcsync.bigcommerce.reading;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.Dtos;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.sync.port.OrderPayments;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link OrderPayments} port over {@code GET /v3/orders/{id}/transactions}: one call per order
 * (the API has no read across orders), each spending the store's rate budget like every other read.
 * Needs the {@code store_v2_transactions_read_only} scope the app already asks for
 * (bc-app-manifest). One order's failure does not fail the others.
 */
@Singleton
public class BigCommerceOrderPayments implements OrderPayments {
  private final BigCommerceClient client;

  public BigCommerceOrderPayments(BigCommerceClient client) {
    this.client = client;
  }

  @Override
  public Read transactions(String storeHash, Collection<Long> orderIds) {
    Map<Long, List<PaymentTransaction>> read = new LinkedHashMap<>();
    Map<Long, Failure> failed = new LinkedHashMap<>();
    for (long orderId : orderIds) {
      try {
        read.put(
            orderId,
            client.forStore(storeHash).orders().transactions(orderId).stream()
                .map(BigCommerceOrderPayments::transaction)
                .toList());
      } catch (RuntimeException e) {
        failed.put(
            orderId,
            new Failure(
                "transactions of order " + orderId + ": " + e.getMessage(),
                e instanceof PermanentFailureException));
      }
    }
    return new Read(read, failed);
  }

  private static PaymentTransaction transaction(Dtos.Transaction t) {
    return new PaymentTransaction(
        t.id(),
        t.orderId(),
        t.event(),
        t.method(),
        t.amount(),
        t.currency(),
        t.gateway(),
        t.status(),
        t.dateCreated());
  }
}
