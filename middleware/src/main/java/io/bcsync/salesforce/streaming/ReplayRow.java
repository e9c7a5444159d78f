package io.bcsync.salesforce.streaming;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code streaming_replay} (escape = false: see io.bcsync.db package docs). */
@MappedEntity(value = "streaming_replay", escape = false)
record ReplayRow(@Id String channel, long replayId, long eventAtMs, long updatedAtMs) {}
