package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.fault.ApiFault;
import io.bcsync.sim.salesforce.ids.IdGenerator;
import io.bcsync.sim.salesforce.ids.SalesforceIds;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * create, update, upsert and delete with the platform's rules: at most 200 records per call,
 * unknown fields fail the call, everything else fails per record in request order, and AllOrNone
 * rolls the whole call back.
 */
public final class DmlEngine {
  public static final int MAX_RECORDS_PER_CALL = 200;
  public static final int MAX_LEAD_CONVERTS_PER_CALL = 100;

  private final Schema schema;
  private final RecordStore store;
  private final IdGenerator ids;
  private final Clock clock;
  private final RecordWriter writer;
  private final LeadConversions conversions;
  private final List<ChangeSink> sinks = new CopyOnWriteArrayList<>();

  public DmlEngine(Schema schema, RecordStore store, IdGenerator ids, Clock clock) {
    this(schema, store, ids, clock, Set.of());
  }

  /**
   * @param mappedLeadFields custom Lead fields a conversion copies to the Contact (the org's lead
   *     field mapping)
   */
  public DmlEngine(
      Schema schema,
      RecordStore store,
      IdGenerator ids,
      Clock clock,
      Set<String> mappedLeadFields) {
    this.schema = schema;
    this.store = store;
    this.ids = ids;
    this.clock = clock;
    this.writer = new RecordWriter(schema, store, ids, new BusinessRules(store));
    this.conversions = new LeadConversions(schema, store, writer, mappedLeadFields);
  }

  public void addSink(ChangeSink sink) {
    sinks.add(sink);
  }

  public List<SaveOutcome> create(List<RecordInput> records, CallContext context) {
    checkBatch(records.size());
    records.forEach(this::checkFieldNames);
    return run(
        context, (tx) -> records.stream().map(r -> attempt(() -> createOne(r, tx))).toList());
  }

  public List<SaveOutcome> update(List<RecordInput> records, CallContext context) {
    checkBatch(records.size());
    records.forEach(this::checkFieldNames);
    return run(
        context,
        (tx) ->
            records.stream()
                .map(
                    r -> attempt(() -> SaveOutcome.ok(writer.update(typeOf(r), r, tx).id(), false)))
                .toList());
  }

  public List<SaveOutcome> upsert(
      String externalIdField, List<RecordInput> records, CallContext context) {
    checkBatch(records.size());
    records.forEach(this::checkFieldNames);
    return run(
        context, (tx) -> new Upserter(writer, tx).upsertAll(externalIdField, records, schema));
  }

  public List<SaveOutcome> delete(List<String> recordIds, CallContext context) {
    checkBatch(recordIds.size());
    return run(
        context,
        (tx) -> recordIds.stream().map(id -> attempt(() -> writer.delete(id, tx))).toList());
  }

  public List<SaveOutcome> undelete(List<String> recordIds, CallContext context) {
    checkBatch(recordIds.size());
    return run(
        context,
        (tx) -> recordIds.stream().map(id -> attempt(() -> writer.undelete(id, tx))).toList());
  }

  /**
   * convertLead: at most 100 per call, each lead converted or failed on its own (see
   * LeadConversions).
   */
  public List<LeadConvertOutcome> convertLead(
      List<LeadConvertRequest> requests, CallContext context) {
    if (requests.size() > MAX_LEAD_CONVERTS_PER_CALL) {
      throw ApiFault.unexpected(
          "EXCEEDED_ID_LIMIT",
          "record limit reached. cannot submit more than "
              + MAX_LEAD_CONVERTS_PER_CALL
              + " records into this call");
    }
    return store.inTransaction(
        () -> {
          Transaction tx = new Transaction(context, clock.instant(), store);
          List<LeadConvertOutcome> outcomes =
              requests.stream().map(r -> conversions.convert(r, tx)).toList();
          if (!tx.changes().isEmpty()) {
            sinks.forEach(s -> s.committed(List.copyOf(tx.changes())));
          }
          return outcomes;
        });
  }

  private SaveOutcome createOne(RecordInput input, Transaction tx) {
    SObjectType type = typeOf(input);
    if (type.isPlatformEvent()) {
      return publishEvent(type, input, tx);
    }
    return SaveOutcome.ok(writer.insert(type, input, tx).id(), true);
  }

  private SaveOutcome publishEvent(SObjectType type, RecordInput input, Transaction tx) {
    Map<String, Object> values = writer.validatedValuesForInsert(type, input, tx);
    String id = ids.next(type.keyPrefix());
    List<ChangeSink> targets = sinks;
    targets.forEach(s -> s.platformEventPublished(type.name(), id, values, tx.context().userId()));
    return SaveOutcome.ok(id, true);
  }

  private List<SaveOutcome> run(
      CallContext context, Function<Transaction, List<SaveOutcome>> work) {
    return store.inTransaction(
        () -> {
          Map<String, Record> before = context.allOrNone() ? store.snapshot() : null;
          Transaction tx = new Transaction(context, clock.instant(), store);
          List<SaveOutcome> outcomes = work.apply(tx);
          if (before != null && outcomes.stream().anyMatch(o -> !o.success())) {
            store.restore(before);
            return rolledBack(outcomes);
          }
          if (!tx.changes().isEmpty()) {
            sinks.forEach(s -> s.committed(List.copyOf(tx.changes())));
          }
          return outcomes;
        });
  }

  private static List<SaveOutcome> rolledBack(List<SaveOutcome> outcomes) {
    List<SaveOutcome> result = new ArrayList<>();
    for (SaveOutcome o : outcomes) {
      result.add(
          o.success()
              ? SaveOutcome.failed(
                  RecordError.of(
                      "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                      "Record rolled back because not all records were valid and the request was using AllOrNone header"))
              : o);
    }
    return result;
  }

  static SaveOutcome attempt(java.util.function.Supplier<SaveOutcome> step) {
    try {
      return step.get();
    } catch (RecordError.Failure failure) {
      return SaveOutcome.failed(failure.error);
    }
  }

  private static void checkBatch(int size) {
    if (size > MAX_RECORDS_PER_CALL) {
      throw ApiFault.unexpected(
          "EXCEEDED_ID_LIMIT",
          "record limit reached. cannot submit more than "
              + MAX_RECORDS_PER_CALL
              + " records into this call");
    }
  }

  private SObjectType typeOf(RecordInput input) {
    return schema
        .type(input.type())
        .orElseThrow(() -> ApiFault.unknownType(String.valueOf(input.type())));
  }

  /**
   * Like the real SOAP deserializer: a field name the entity does not have fails the whole call.
   */
  private void checkFieldNames(RecordInput input) {
    SObjectType type = typeOf(input);
    for (String name : input.values().keySet()) {
      if (!type.hasField(name)) {
        throw ApiFault.noSuchColumn(name, type.name());
      }
    }
    for (String name : input.fieldsToNull()) {
      if (!type.hasField(name)) {
        throw ApiFault.noSuchColumn(name, type.name());
      }
    }
    for (Map.Entry<String, RecordInput> ref : input.parentReferences().entrySet()) {
      FieldDef field =
          type.relationship(ref.getKey())
              .orElseThrow(() -> ApiFault.noSuchColumn(ref.getKey(), type.name()));
      SObjectType parent =
          schema
              .type(ref.getValue().type())
              .orElseGet(() -> schema.type(field.referenceTo().get(0)).orElseThrow());
      for (String name : ref.getValue().values().keySet()) {
        if (!parent.hasField(name)) {
          throw ApiFault.noSuchColumn(name, parent.name());
        }
      }
    }
  }

  /** Normalised id or a MALFORMED_ID record error. */
  static String requireId(String raw) {
    return SalesforceIds.normalize(raw)
        .orElseThrow(() -> RecordError.of("MALFORMED_ID", "malformed id " + raw).fail());
  }
}
