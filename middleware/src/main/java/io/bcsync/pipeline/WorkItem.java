package io.bcsync.pipeline;

import java.util.List;

/** A row of the work queue, as handlers and operators see it. Instants are epoch milliseconds. */
public record WorkItem(
    long id,
    EntityRef entity,
    WorkItemStatus status,
    List<String> scopes,
    int eventCount,
    int attempts,
    long nextAttemptAtMs,
    String lastError,
    long createdAtMs,
    long updatedAtMs,
    Long completedAtMs,
    Long deadLetteredAtMs,
    int replayCount,
    Long supersededBy) {}
