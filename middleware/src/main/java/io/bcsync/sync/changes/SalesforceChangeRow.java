package io.bcsync.sync.changes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code salesforce_change} (escape = false: see the io.bcsync.db package docs).
 *
 * @param changeTypes comma-separated: CREATE, UPDATE, DELETE, UNDELETE, GAP_*, RECONCILE, PUSH
 * @param changedFields comma-separated field names the change events listed, or null
 */
@MappedEntity(value = "salesforce_change", escape = false)
public record SalesforceChangeRow(
    @Id @GeneratedValue @Nullable Long id,
    String orgId,
    String sobject,
    String recordId,
    String changeTypes,
    @Nullable String changedFields,
    int eventCount,
    long workItemId,
    long recordedAtMs) {}
