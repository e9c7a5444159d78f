package io.bcsync.testsupport;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.bcsync.db.Db;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import java.sql.Connection;

/**
 * A {@link Db} for unit tests of code that writes through mocked repositories: every transaction
 * runs its work at once on a mock connection, after {@code onBegin} (which a test uses to count
 * attempts or to forget what a rolled-back attempt wrote).
 */
public final class FakeTransactions {
  private FakeTransactions() {}

  @SuppressWarnings("unchecked")
  public static Db db(Runnable onBegin) {
    TransactionOperations<Connection> operations = mock(TransactionOperations.class);
    TransactionStatus<Connection> status = mock(TransactionStatus.class);
    when(status.getConnection()).thenReturn(mock(Connection.class));
    when(operations.execute(any(), any()))
        .thenAnswer(
            call -> {
              onBegin.run();
              TransactionCallback<Connection, Object> callback = call.getArgument(1);
              return callback.call(status);
            });
    return new Db(operations);
  }
}
