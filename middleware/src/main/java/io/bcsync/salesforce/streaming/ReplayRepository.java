package io.bcsync.salesforce.streaming;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** {@code streaming_replay}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ReplayRepository extends GenericRepository<ReplayRow, String> {

  List<ReplayRow> listOrderByChannel();

  ReplayRow save(ReplayRow row);

  /** The channel's row, locked until the caller's transaction ends. */
  @Query("SELECT * FROM streaming_replay WHERE channel = :channel FOR UPDATE")
  Optional<ReplayRow> lock(String channel);

  @Query(
      "UPDATE streaming_replay SET replay_id = :replayId, event_at_ms = :eventAtMs,"
          + " updated_at_ms = :now WHERE channel = :channel")
  int advance(String channel, long replayId, long eventAtMs, long now);
}
