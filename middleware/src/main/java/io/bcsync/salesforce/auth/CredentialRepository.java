package io.bcsync.salesforce.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** {@code salesforce_credential}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface CredentialRepository extends GenericRepository<CredentialRow, String> {

  Optional<CredentialRow> findById(String name);

  CredentialRow save(CredentialRow row);

  @Query(
      "UPDATE salesforce_credential SET refresh_token_enc = :refreshTokenEnc,"
          + " instance_url = :instanceUrl, user_id = :userId, connected_at_ms = :connectedAtMs"
          + " WHERE name = :name")
  int replace(
      String name,
      String refreshTokenEnc,
      String instanceUrl,
      @Nullable String userId,
      long connectedAtMs);

  @Query("UPDATE salesforce_credential SET org_id = :orgId WHERE name = :name")
  int setOrgId(String name, @Nullable String orgId);

  @Query("SELECT org_id FROM salesforce_credential WHERE name = :name AND org_id IS NOT NULL")
  Optional<String> findOrgId(String name);

  /** Compare-and-set: 0 when the row no longer holds {@code readEnc} (reconnected meanwhile). */
  @Query(
      "UPDATE salesforce_credential SET refresh_token_enc = :refreshTokenEnc"
          + " WHERE name = :name AND refresh_token_enc = :readEnc")
  int reseal(String name, String refreshTokenEnc, String readEnc);

  @Query("DELETE FROM salesforce_credential WHERE name = :name")
  int delete(String name);
}
