package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;
import java.time.Instant;

/** A V3 order transaction (purchase, refund, ...). */
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
