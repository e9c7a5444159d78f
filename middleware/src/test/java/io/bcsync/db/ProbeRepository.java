package io.bcsync.db;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ProbeRepository extends GenericRepository<ProbeRow, String> {
  ProbeRow save(ProbeRow row);

  Optional<ProbeRow> findById(String jti);

  @Query("DELETE FROM bc_callback_token")
  int deleteEverything();
}
