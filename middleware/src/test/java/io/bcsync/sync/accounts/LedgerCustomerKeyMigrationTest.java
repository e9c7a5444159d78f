package io.bcsync.sync.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V14 keys the ledger by customer. Rows written between V11 and V14 know only their Contact: the
 * migration gives them the customer the identity map links to that Contact, so their orders keep
 * counting in the figures without being written again.
 */
class LedgerCustomerKeyMigrationTest {

  /** The database: the datasource properties of a fresh one. */
  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @Test
  void rows_written_since_v11_get_the_customer_of_their_contact() throws Exception {
    Map<String, String> db = databaseProperties();
    String url = db.get("datasources.default.url");
    String user = db.get("datasources.default.username");
    String password = db.get("datasources.default.password");
    Flyway.configure().dataSource(url, user, password).target("11").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute(identity("customer", "5", "003000000000005AAA"));
      sql.execute(identity("guest", "abc123", "003000000000006AAA"));
      sql.execute(identity("order", "1", "801000000000001AAA"));
      sql.execute(ledger(1, "'003000000000005AAA'"));
      sql.execute(ledger(2, "'003000000000006AAA'"));
      sql.execute(ledger(3, "NULL"));
      sql.execute(ledger(4, "'003000000000009AAA'"));
    }

    Flyway.configure().dataSource(url, user, password).load().migrate();

    Map<Long, String> keys = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT order_id, customer_key FROM sync_order_ledger")) {
      while (rows.next()) {
        keys.put(rows.getLong(1), rows.getString(2));
      }
    }
    assertThat(keys)
        .containsEntry(1L, "customer:5")
        .containsEntry(2L, "guest:abc123")
        .as("no Contact, or one the identity map does not know: left for the next write")
        .containsEntry(3L, null)
        .containsEntry(4L, null);
  }

  private static String identity(String type, String id, String sfId) {
    return "INSERT INTO sync_identity (store_hash, bc_type, bc_id, sf_object, sf_id, account_id,"
        + " written_at_ms) VALUES ('mig1', '"
        + type
        + "', '"
        + id
        + "', 'Contact', '"
        + sfId
        + "', NULL, 0)";
  }

  private static String ledger(long orderId, String contact) {
    return "INSERT INTO sync_order_ledger (store_hash, order_id, company_key, total, order_date_ms,"
        + " counted, product_ids, written_at_ms, contact_id) VALUES ('mig1', "
        + orderId
        + ", '', 10.00, 0, 1, '', 0, "
        + contact
        + ")";
  }
}
