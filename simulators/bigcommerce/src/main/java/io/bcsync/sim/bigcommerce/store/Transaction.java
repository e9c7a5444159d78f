package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A V3 order transaction (purchase, refund, ...). {@code status} is {@code ok} or {@code error},
 * the two values the spec's {@code Transaction} schema enumerates (orders.v3.yml): a declined
 * payment attempt is an {@code error} transaction.
 */
public final class Transaction {
  public long id;
  public long orderId;
  public String event;
  public String method = "credit_card";
  public BigDecimal amount;
  public String currency = "USD";
  public String gateway = "testgateway";
  public String gatewayTransactionId;
  public String status = "ok";
  public Instant dateCreated;
}
