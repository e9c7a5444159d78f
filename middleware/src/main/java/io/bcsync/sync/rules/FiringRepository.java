package io.bcsync.sync.rules;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** {@code sync_rule_firing}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface FiringRepository extends GenericRepository<FiringRow, FiringRow.Key> {

  FiringRow save(FiringRow row);

  @Query(
      "SELECT firing_key FROM sync_rule_firing WHERE store_hash = :storeHash"
          + " AND firing_key IN (:firingKeys)")
  List<String> existing(String storeHash, Collection<String> firingKeys);
}
