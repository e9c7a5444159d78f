package io.bcsync.salesforce.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** {@code salesforce_oauth_state}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OAuthStateRepository extends GenericRepository<OAuthStateRow, String> {

  OAuthStateRow save(OAuthStateRow row);

  @Query("DELETE FROM salesforce_oauth_state WHERE expires_at_ms < :now")
  int deleteExpired(long now);

  /** Single use: 1 when the state was pending and unexpired, and is now gone. */
  @Query("DELETE FROM salesforce_oauth_state WHERE state = :state AND expires_at_ms >= :now")
  int consume(String state, long now);
}
