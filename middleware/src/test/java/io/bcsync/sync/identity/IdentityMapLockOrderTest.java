package io.bcsync.sync.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.bcsync.db.Db;
import io.bcsync.testsupport.FakeTransactions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two workers writing the identity rows of the customers their batches share must not deadlock (on
 * H2 a victim failed a whole batch of 400 items, retried after a backoff): every write takes its
 * rows in one order, and a transaction the database rolls back anyway runs again.
 */
class IdentityMapLockOrderTest {
  private static final String H2_DEADLOCK = "40001";

  private final IdentityRepository rows = mock(IdentityRepository.class);
  private final List<String> written = new ArrayList<>();
  private final AtomicInteger transactions = new AtomicInteger();
  private int deadlocksToThrow;
  private IdentityMap map;

  @BeforeEach
  void setUp() {
    Db db =
        FakeTransactions.db(
            () -> {
              transactions.incrementAndGet();
              written.clear(); // what a rolled-back attempt wrote is gone
            });
    when(rows.replace(
            anyString(),
            anyString(),
            anyString(),
            any(),
            any(),
            any(),
            any(),
            any(),
            anyLong(),
            any()))
        .thenAnswer(
            call -> {
              written.add(call.getArgument(1) + " " + call.getArgument(2));
              if (deadlocksToThrow > 0 && written.size() == 2) {
                deadlocksToThrow--;
                throw new io.bcsync.db.DataAccessFailure(
                    new SQLException("Deadlock detected", H2_DEADLOCK, 40001));
              }
              return 1;
            });
    map = new IdentityMap(db, rows, Clock.systemUTC());
  }

  @Test
  void rows_are_updated_in_key_order_whatever_order_the_caller_gives() {
    map.save(
        List.of(
            row("order", "27"), row("customer", "9"), row("customer", "12"), row("order", "3")));

    assertThat(written).containsExactly("customer 12", "customer 9", "order 27", "order 3");
  }

  @Test
  void new_rows_are_inserted_in_key_order_too() {
    List<IdentityRow> inserted = new ArrayList<>();
    when(rows.saveAll(any()))
        .thenAnswer(
            call -> {
              Iterable<IdentityRow> batch = call.getArgument(0);
              batch.forEach(inserted::add);
              return List.of();
            });

    map.saveNew(List.of(row("order", "8"), row("customer", "5"), row("order", "10")));

    assertThat(inserted)
        .extracting(r -> r.identity().bcType() + " " + r.identity().bcId())
        .containsExactly("customer 5", "order 10", "order 8");
  }

  @Test
  void a_deadlock_victim_writes_its_rows_again_instead_of_failing_the_batch() {
    deadlocksToThrow = 1;

    map.save(List.of(row("customer", "1"), row("customer", "2"), row("customer", "3")));

    assertThat(transactions).hasValue(2);
    assertThat(written).containsExactly("customer 1", "customer 2", "customer 3");
  }

  private static Identity row(String type, String id) {
    return new Identity("store", type, id, "Contact", "003" + id, null, null, null, null);
  }
}
