package io.bcsync.salesforce.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** {@code salesforce_oauth_request}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OAuthRequestRepository extends GenericRepository<OAuthRequestRow, String> {

  OAuthRequestRow save(OAuthRequestRow row);

  Optional<OAuthRequestRow> findById(String secretHash);

  @Query("DELETE FROM salesforce_oauth_request WHERE expires_at_ms < :now")
  int deleteExpired(long now);

  /**
   * Single use: 1 when the row was pending, of this kind and unexpired, and is now gone. Concurrent
   * callers serialise on the row, so only one of them sees 1.
   */
  @Query(
      "DELETE FROM salesforce_oauth_request"
          + " WHERE secret_hash = :secretHash AND kind = :kind AND expires_at_ms >= :now")
  int consume(String secretHash, String kind, long now);
}
