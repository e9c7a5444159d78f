package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * When a store's last BigCommerce webhook arrived, for the console's Connections page and {@code
 * GET /admin/connections}. Only callbacks count ({@code store/...} scopes): events the service
 * records itself (a backfill, a resolved review) say nothing about the store's hooks. V38 indexes
 * {@code (store_hash, received_at_ms)}, so this reads the store's newest entries backwards.
 */
@Singleton
public class WebhookArrivals {
  private final Db db;

  public WebhookArrivals(Db db) {
    this.db = db;
  }

  /** Epoch milliseconds of the store's latest webhook still stored; empty when there is none. */
  public Optional<Long> lastReceivedAtMs(String storeHash) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT received_at_ms FROM webhook_event WHERE store_hash = ?"
                      + " AND scope LIKE 'store/%' ORDER BY received_at_ms DESC LIMIT 1")) {
            select.setString(1, storeHash);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
          }
        });
  }
}
