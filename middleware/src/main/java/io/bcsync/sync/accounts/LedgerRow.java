package io.bcsync.sync.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.math.BigDecimal;

/**
 * A row of {@code sync_order_ledger} (escape = false: see io.bcsync.db package docs). {@code
 * counted} is 1 or 0, a SMALLINT on both databases.
 */
@MappedEntity(value = "sync_order_ledger", escape = false)
record LedgerRow(
    @EmbeddedId Key id,
    String companyKey,
    BigDecimal total,
    long orderDateMs,
    int counted,
    String productIds,
    long writtenAtMs,
    @Nullable String contactId,
    @Nullable String customerKey) {

  @Embeddable
  record Key(
      @MappedProperty("store_hash") String storeHash, @MappedProperty("order_id") long orderId) {}
}
