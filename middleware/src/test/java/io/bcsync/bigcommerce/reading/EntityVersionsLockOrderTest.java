package io.bcsync.bigcommerce.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.testsupport.FakeTransactions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two batches recording the read versions of entities they share take the rows in one order (so
 * they wait instead of deadlocking), and a transaction the database rolls back runs again.
 */
class EntityVersionsLockOrderTest {
  private final EntityVersionRepository rows = mock(EntityVersionRepository.class);
  private final List<String> advanced = new ArrayList<>();
  private final AtomicInteger transactions = new AtomicInteger();
  private int deadlocksToThrow;

  @Test
  void versions_are_recorded_in_id_order_and_again_after_a_deadlock() {
    EntityVersions versions = versions();
    deadlocksToThrow = 1;
    Map<String, Long> read = new HashMap<>();
    for (String id : List.of("31", "7", "100", "12", "5")) {
      read.put(id, 1_000L);
    }

    versions.recordRead("store", "customer", read);

    assertThat(transactions).hasValue(2);
    assertThat(advanced).containsExactly("100", "12", "31", "5", "7");
  }

  private EntityVersions versions() {
    Db db =
        FakeTransactions.db(
            () -> {
              transactions.incrementAndGet();
              advanced.clear(); // what a rolled-back attempt wrote is gone
            });
    when(rows.advance(anyString(), anyString(), anyString(), anyLong(), anyLong()))
        .thenAnswer(
            call -> {
              advanced.add(call.getArgument(2));
              if (deadlocksToThrow > 0 && advanced.size() == 3) {
                deadlocksToThrow--;
                throw new DataAccessFailure(new SQLException("Deadlock detected", "40001", 40001));
              }
              return 1;
            });
    return new EntityVersions(db, rows, Clock.systemUTC());
  }
}
