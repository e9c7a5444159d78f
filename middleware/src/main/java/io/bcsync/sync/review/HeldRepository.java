package io.bcsync.sync.review;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** {@code sync_review_hold}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface HeldRepository extends GenericRepository<HeldRow, HeldRow.Key> {

  HeldRow save(HeldRow row);

  @Query("SELECT * FROM sync_review_hold WHERE review_id = :reviewId")
  List<HeldRow> ofReview(long reviewId);

  @Query("SELECT * FROM sync_review_hold WHERE review_id IN (:reviewIds)")
  List<HeldRow> ofReviews(Collection<Long> reviewIds);
}
