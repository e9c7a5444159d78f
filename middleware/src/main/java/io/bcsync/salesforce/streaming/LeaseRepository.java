package io.bcsync.salesforce.streaming;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** {@code streaming_lease}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LeaseRepository extends GenericRepository<LeaseRow, String> {

  Optional<LeaseRow> findById(String name);

  LeaseRow save(LeaseRow row);

  /**
   * Renews {@code owner}'s lease or takes over an expired one; 0 when someone else holds a live
   * lease. acquired_at_ms is assigned first because MySQL evaluates SET assignments left to right:
   * after {@code owner = :owner} its CASE would always see the new owner.
   */
  @Query(
      "UPDATE streaming_lease SET"
          + " acquired_at_ms = CASE WHEN owner = :owner THEN acquired_at_ms ELSE :now END,"
          + " owner = :owner, expires_at_ms = :expiresAtMs"
          + " WHERE name = :name AND (owner = :owner OR expires_at_ms < :now)")
  int renewOrTakeOver(String name, String owner, long expiresAtMs, long now);

  @Query("DELETE FROM streaming_lease WHERE name = :name AND owner = :owner")
  int release(String name, String owner);
}
