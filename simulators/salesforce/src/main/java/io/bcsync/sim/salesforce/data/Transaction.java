package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.data.RecordChange.ChangeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Collects the changes of one API call; they share a transaction key and commit timestamp, as in
 * CDC.
 */
final class Transaction {
  private final CallContext context;
  private final String key = UUID.randomUUID().toString();
  private final Instant commitTimestamp;
  private final List<RecordChange> changes = new ArrayList<>();
  private final KeyLookup keys;

  Transaction(CallContext context, Instant commitTimestamp, RecordStore store) {
    this.context = context;
    this.commitTimestamp = commitTimestamp;
    this.keys = new KeyLookup(store);
  }

  KeyLookup keys() {
    return keys;
  }

  CallContext context() {
    return context;
  }

  Instant now() {
    return commitTimestamp;
  }

  void record(
      Record record,
      ChangeType type,
      Map<String, Object> values,
      List<String> changed,
      List<String> nulled) {
    keys.track(record);
    changes.add(
        new RecordChange(
            record.type().name(),
            record.id(),
            type,
            values,
            List.copyOf(changed),
            List.copyOf(nulled),
            context.userId(),
            context.changeOrigin(),
            context.clientId(),
            key,
            changes.size() + 1,
            commitTimestamp));
  }

  List<RecordChange> changes() {
    return changes;
  }
}
