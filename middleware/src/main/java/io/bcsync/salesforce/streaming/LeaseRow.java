package io.bcsync.salesforce.streaming;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code streaming_lease} (escape = false: see io.bcsync.db package docs). */
@MappedEntity(value = "streaming_lease", escape = false)
record LeaseRow(@Id String name, String owner, long expiresAtMs, long acquiredAtMs) {}
