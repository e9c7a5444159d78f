package io.bcsync.backfill;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code backfill_job} (escape = false: see io.bcsync.db package docs). {@code
 * activeStore} holds the store hash while the job is RUNNING or PAUSED; its unique key allows one
 * active backfill per store.
 */
@MappedEntity(value = "backfill_job", escape = false)
record BackfillJobRow(
    @Id @GeneratedValue @Nullable Long id,
    String storeHash,
    String sinceDate,
    String state,
    @Nullable String activeStore,
    String phase,
    int customerPage,
    @Nullable Long customersTotal,
    long orderAfterId,
    @Nullable Long ordersFirstId,
    @Nullable Long ordersMaxId,
    long customersEnqueued,
    long ordersEnqueued,
    long pagesRead,
    int consecutiveFailures,
    @Nullable String lastError,
    long createdAtMs,
    long updatedAtMs,
    @Nullable Long pausedAtMs,
    @Nullable Long finishedAtMs) {}
