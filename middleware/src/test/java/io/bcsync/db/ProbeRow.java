package io.bcsync.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A test-only view of a small existing table, to exercise repositories inside {@link Db}. */
@MappedEntity(value = "salesforce_oauth_state", escape = false)
record ProbeRow(@Id String state, long expiresAtMs) {}
