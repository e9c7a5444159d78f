package io.bcsync.salesforce.streaming;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code salesforce_reconciliation} (escape = false: see io.bcsync.db package docs). */
@MappedEntity(value = "salesforce_reconciliation", escape = false)
record ReconciliationRow(
    @Id @GeneratedValue @Nullable Long id,
    String entity,
    @Nullable Long sinceMs,
    String reason,
    String status,
    int recordsEnqueued,
    long createdAtMs,
    @Nullable Long finishedAtMs,
    @Nullable String lastError) {}
