package io.bcsync.sync.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code sync_review} (escape = false: see io.bcsync.db package docs). {@code openKey} is
 * set while the review is open; its unique key allows one open review per customer.
 */
@MappedEntity(value = "sync_review", escape = false)
record ReviewRow(
    @Id @GeneratedValue @Nullable Long id,
    String storeHash,
    String customerKey,
    String customerLabel,
    String reason,
    @Nullable String matchedBy,
    String candidates,
    String status,
    @Nullable String resolution,
    @Nullable String resolvedContactId,
    @Nullable String openKey,
    long createdAtMs,
    @Nullable Long resolvedAtMs,
    @Nullable String resolvedBy) {}
