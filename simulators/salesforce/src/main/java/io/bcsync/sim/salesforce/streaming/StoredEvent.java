package io.bcsync.sim.salesforce.streaming;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A retained event: one replay id, delivered on each of its channels (e.g. /data/ChangeEvents and
 * /data/XChangeEvent).
 */
public record StoredEvent(
    long replayId, Instant publishedAt, Set<String> channels, Map<String, Object> data) {}
