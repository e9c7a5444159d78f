package io.bcsync.salesforce.writer;

import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import io.bcsync.config.SalesforceApiConfig;
import io.bcsync.salesforce.soap.ApiUsageGovernor;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import io.bcsync.sync.port.WriteReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records of many work items with as few calls as the limits allow: grouped by object type,
 * operation and external id field, at most {@code batch-size} (200) per call, parents before
 * children, never the same external id twice in one upsert call ({@link UpsertCalls}). Partial
 * success is the rule (no AllOrNone): each record's result is mapped back to its own work item, so
 * one bad record never fails its neighbours. Once a record of an item fails, that item's later
 * (child) records are not sent.
 *
 * <p>A call that fails as a whole with UNABLE_TO_LOCK_ROW or SERVER_UNAVAILABLE is retried in
 * process a few times with jitter; whatever still fails goes back to the pipeline, which retries
 * with backoff or dead-letters.
 */
public class SalesforceWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceWriter.class);
  private static final Set<String> RETRY_IN_PROCESS =
      Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE");

  private final SalesforceConnector connector;
  private final SalesforceApiConfig config;
  private final ApiUsageGovernor.Pause pause;

  public SalesforceWriter(
      SalesforceConnector connector, SalesforceApiConfig config, ApiUsageGovernor.Pause pause) {
    this.connector = connector;
    this.config = config;
    this.pause = pause;
  }

  /**
   * @throws ConnectionException when no session can be opened at all (auth, network); nothing was
   *     written then
   */
  public WriteReport write(List<RecordWrite> writes) throws ConnectionException {
    SalesforceSession session = connector.session();
    Map<CallGroup, List<RecordWrite>> groups = groupInWriteOrder(writes);
    // Identity: two equal writes from different callers are still two records with two results.
    Map<RecordWrite, RecordResult> results = new IdentityHashMap<>();
    Set<Long> failedItems = new HashSet<>();
    int calls = 0;
    for (Map.Entry<CallGroup, List<RecordWrite>> group : groups.entrySet()) {
      List<RecordWrite> pending = new ArrayList<>();
      for (RecordWrite write : group.getValue()) {
        if (failedItems.contains(write.workItemId())) {
          results.put(
              write,
              new RecordResult(
                  write,
                  false,
                  null,
                  false,
                  List.of(
                      new RecordError(
                          "NOT_SENT",
                          "not sent because an earlier record of the same work item failed",
                          null,
                          true))));
        } else {
          pending.add(write);
        }
      }
      for (List<RecordWrite> chunk : UpsertCalls.split(pending, config.batchSize())) {
        ChunkResult chunkResult = writeChunk(session, group.getKey(), chunk);
        calls += chunkResult.calls();
        for (RecordResult result : chunkResult.results()) {
          results.put(result.write(), result);
          if (!result.success()) {
            failedItems.add(result.write().workItemId());
            logRefused(result);
          }
        }
      }
    }
    // Report in the caller's order, whatever order the calls went out in.
    List<RecordResult> ordered = writes.stream().map(results::get).toList();
    return new WriteReport(ordered, calls);
  }

  private Map<CallGroup, List<RecordWrite>> groupInWriteOrder(List<RecordWrite> writes) {
    Map<CallGroup, List<RecordWrite>> byGroup = new LinkedHashMap<>();
    for (RecordWrite write : writes) {
      byGroup.computeIfAbsent(CallGroup.of(write), k -> new ArrayList<>()).add(write);
    }
    List<CallGroup> keys = new ArrayList<>(byGroup.keySet());
    // Stable sort: listed types in configured order, unlisted types after them in the order they
    // first appeared.
    keys.sort((a, b) -> Integer.compare(rank(a.sobjectType()), rank(b.sobjectType())));
    Map<CallGroup, List<RecordWrite>> ordered = new LinkedHashMap<>();
    keys.forEach(key -> ordered.put(key, byGroup.get(key)));
    return ordered;
  }

  private int rank(String sobjectType) {
    int index = config.objectOrder().indexOf(sobjectType);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  /** Records of one object, operation and external id field: they share calls. */
  private record CallGroup(String sobjectType, WriteOperation operation, String externalIdField) {
    static CallGroup of(RecordWrite write) {
      return new CallGroup(write.sobjectType(), write.operation(), write.externalIdField());
    }
  }

  private record ChunkResult(List<RecordResult> results, int calls) {}

  private ChunkResult writeChunk(
      SalesforceSession session, CallGroup group, List<RecordWrite> chunk) {
    SObject[] records = chunk.stream().map(SalesforceWriter::toSObject).toArray(SObject[]::new);
    int calls = 0;
    for (int attempt = 0; ; attempt++) {
      calls++;
      try {
        return new ChunkResult(send(session, group, chunk, records), calls);
      } catch (ConnectionException e) {
        RecordError error = SalesforceErrors.ofCallFailure(e);
        if (RETRY_IN_PROCESS.contains(error.statusCode()) && attempt < config.lockRetries()) {
          LOG.info(
              "{} {} of {} records failed with {}; retrying ({} of {})",
              group.operation(),
              group.sobjectType(),
              chunk.size(),
              error.statusCode(),
              attempt + 1,
              config.lockRetries());
          pause.pause(jittered(config.lockRetryDelay(), attempt));
          continue;
        }
        LOG.warn(
            "{} {} of {} records failed as a whole: {}",
            group.operation(),
            group.sobjectType(),
            chunk.size(),
            error);
        return new ChunkResult(
            chunk.stream()
                .map(w -> new RecordResult(w, false, null, false, List.of(error)))
                .toList(),
            calls);
      }
    }
  }

  /**
   * Status codes and field names only: Salesforce's texts can echo the values sent (e-mails,
   * names), and even redacted ({@link SalesforceMessages}) they belong with the item's outcome, not
   * in a line per record.
   */
  static void logRefused(RecordResult result) {
    LOG.info(
        "{} {} of work item {} refused: {}",
        result.write().sobjectType(),
        result.write().operation().name().toLowerCase(java.util.Locale.ROOT),
        result.write().workItemId(),
        result.errors().stream()
            .map(e -> e.statusCode() + (e.fields().isEmpty() ? "" : " " + e.fields()))
            .toList());
  }

  private static Duration jittered(Duration base, int attempt) {
    long max = base.toMillis() << Math.min(attempt, 6);
    return Duration.ofMillis(max / 2 + ThreadLocalRandom.current().nextLong(max / 2 + 1));
  }

  private List<RecordResult> send(
      SalesforceSession session, CallGroup group, List<RecordWrite> chunk, SObject[] records)
      throws ConnectionException {
    List<RecordResult> results = new ArrayList<>(chunk.size());
    switch (group.operation()) {
      case UPSERT -> {
        UpsertResult[] upserted = session.call(c -> c.upsert(group.externalIdField(), records));
        requireOnePerRecord(upserted.length, chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
          UpsertResult r = upserted[i];
          results.add(
              new RecordResult(
                  chunk.get(i),
                  r.isSuccess(),
                  r.getId(),
                  r.isCreated(),
                  errors(group.operation(), r.getErrors())));
        }
      }
      case CREATE, UPDATE -> {
        SaveResult[] saved =
            session.call(
                c ->
                    group.operation() == io.bcsync.sync.port.WriteOperation.CREATE
                        ? c.create(records)
                        : c.update(records));
        requireOnePerRecord(saved.length, chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
          SaveResult r = saved[i];
          results.add(
              new RecordResult(
                  chunk.get(i),
                  r.isSuccess(),
                  r.getId(),
                  group.operation() == io.bcsync.sync.port.WriteOperation.CREATE && r.isSuccess(),
                  errors(group.operation(), r.getErrors())));
        }
      }
      default -> throw new IllegalStateException("unknown operation " + group.operation());
    }
    return results;
  }

  private static void requireOnePerRecord(int got, int sent) throws ConnectionException {
    if (got != sent) {
      // Results are positional; a mismatch would map a result to the wrong work item.
      throw new ConnectionException(
          "Salesforce returned " + got + " results for " + sent + " records");
    }
  }

  static List<RecordError> errors(Error[] errors) {
    return errors(null, errors);
  }

  /** The errors of one record of a call of this operation (null: of no write call). */
  static List<RecordError> errors(WriteOperation operation, Error[] errors) {
    if (errors == null) {
      return List.of();
    }
    return Arrays.stream(errors)
        .map(
            e -> {
              String code = e.getStatusCode() == null ? "UNKNOWN" : e.getStatusCode().name();
              return new RecordError(
                  code,
                  SalesforceMessages.redact(e.getMessage()),
                  e.getFields() == null ? List.of() : Arrays.asList(e.getFields()),
                  operation == null
                      ? SalesforceErrors.isRetryable(code)
                      : SalesforceErrors.isRetryable(operation, code));
            })
        .toList();
  }

  static SObject toSObject(RecordWrite write) {
    SObject sobject = new SObject(write.sobjectType());
    List<String> toNull = new ArrayList<>();
    write
        .fields()
        .forEach(
            (name, value) -> {
              if ("Id".equals(name)) {
                sobject.setId((String) value);
              } else if (value == null) {
                toNull.add(
                    name); // setField(name, null) would leave the field unchanged (salesforce.md §0
                // item 5)
              } else {
                sobject.setField(name, SalesforceValues.toWire(value));
              }
            });
    if (!toNull.isEmpty()) {
      sobject.setFieldsToNull(toNull.toArray(String[]::new));
    }
    return sobject;
  }
}
