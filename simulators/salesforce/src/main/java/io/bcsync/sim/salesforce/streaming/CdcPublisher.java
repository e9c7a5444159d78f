package io.bcsync.sim.salesforce.streaming;

import io.bcsync.sim.salesforce.data.ChangeSink;
import io.bcsync.sim.salesforce.data.FieldValues;
import io.bcsync.sim.salesforce.data.RecordChange;
import io.bcsync.sim.salesforce.data.RecordChange.ChangeType;
import io.bcsync.sim.salesforce.data.RecordReader;
import io.bcsync.sim.salesforce.data.RecordStore;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns committed record changes into Change Data Capture events for the entities the package
 * selects, with the ChangeEventHeader as delivered over CometD, and publishes platform events
 * created through the API.
 */
public final class CdcPublisher implements ChangeSink {
  private static final Set<String> NEVER_IN_BODY = Set.of("Id", "IsDeleted", "SystemModstamp");

  private final Schema schema;
  private final RecordStore store;
  private final RecordReader reader;
  private final EventBus bus;
  private final AtomicLong commitNumber = new AtomicLong(10_000_000L);
  private final java.time.Clock clock;

  public CdcPublisher(
      Schema schema, RecordStore store, RecordReader reader, EventBus bus, java.time.Clock clock) {
    this.clock = clock;
    this.schema = schema;
    this.store = store;
    this.reader = reader;
    this.bus = bus;
  }

  @Override
  public void committed(List<RecordChange> changes) {
    long commit = commitNumber.incrementAndGet();
    for (RecordChange change : changes) {
      Set<String> channels = channelsFor(change.entity());
      if (!channels.isEmpty()) {
        bus.publish(channels, replayId -> message(change, commit, replayId));
      }
    }
  }

  /** A GAP_* event: header and record ids only, telling subscribers to re-read the records. */
  public boolean publishGap(String entity, List<String> recordIds, String changeType, Instant at) {
    Set<String> channels = channelsFor(entity);
    if (channels.isEmpty()) {
      return false;
    }
    Map<String, Object> header =
        header(
            entity,
            recordIds,
            changeType,
            "",
            UUID.randomUUID().toString(),
            1,
            at,
            commitNumber.incrementAndGet(),
            null,
            List.of(),
            List.of());
    bus.publish(
        channels, replayId -> envelope(entity, Map.of("ChangeEventHeader", header), replayId));
    return true;
  }

  @Override
  public void platformEventPublished(
      String eventType, String eventId, Map<String, Object> values, String userId) {
    SObjectType type = schema.type(eventType).orElseThrow();
    Map<String, Object> payload = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            payload.put(name, FieldValues.toJson(type.field(name).orElse(null), value)));
    payload.put("CreatedDate", FieldValues.format(null, clock.instant()));
    payload.put("CreatedById", userId);
    String uuid = UUID.randomUUID().toString();
    bus.publish(
        Set.of("/event/" + type.name()),
        replayId -> {
          Map<String, Object> event = new LinkedHashMap<>();
          event.put("EventUuid", uuid);
          event.put("replayId", replayId);
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("schema", schemaId(type.name()));
          data.put("payload", payload);
          data.put("event", event);
          return data;
        });
  }

  private Set<String> channelsFor(String entity) {
    Set<String> channels = new LinkedHashSet<>();
    for (Schema.CdcMember member : schema.cdcMembersFor(entity)) {
      if (member.channel().equals("ChangeEvents")) {
        channels.add("/data/ChangeEvents");
        channels.add("/data/" + schema.type(entity).orElseThrow().changeEventName());
      } else {
        channels.add("/data/" + member.channel());
      }
    }
    return channels;
  }

  private Map<String, Object> message(RecordChange change, long commit, long replayId) {
    SObjectType type = schema.type(change.entity()).orElseThrow();
    List<String> changedFields = new ArrayList<>();
    List<String> nulledFields = new ArrayList<>();
    Map<String, Object> body = new LinkedHashMap<>();
    change
        .values()
        .forEach(
            (field, value) -> {
              boolean fullRecord =
                  change.changeType() == ChangeType.CREATE
                      || change.changeType() == ChangeType.UNDELETE;
              if (NEVER_IN_BODY.contains(field) || (fullRecord && value == null)) {
                return;
              }
              FieldDef def = type.field(field).orElse(null);
              put(body, change.entity(), field, FieldValues.toJson(def, value));
            });
    if (change.changeType() == ChangeType.UPDATE) {
      change.changedFields().forEach(f -> changedFields.add(dotted(change.entity(), f)));
      change.nulledFields().forEach(f -> nulledFields.add(dotted(change.entity(), f)));
    }
    if (change.changeType() == ChangeType.UPDATE || change.changeType() == ChangeType.DELETE) {
      addEnrichedFields(type, change, body);
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(
        "ChangeEventHeader",
        header(
            change.entity(),
            List.of(change.recordId()),
            change.changeType().name(),
            change.changeOrigin(),
            change.transactionKey(),
            change.sequenceNumber(),
            change.commitTimestamp(),
            commit,
            change.userId(),
            changedFields,
            nulledFields));
    payload.putAll(body);
    return envelope(change.entity(), payload, replayId);
  }

  private void addEnrichedFields(SObjectType type, RecordChange change, Map<String, Object> body) {
    List<String> enriched =
        schema.cdcMembersFor(change.entity()).stream()
            .flatMap(m -> m.enrichedFields().stream())
            .toList();
    if (enriched.isEmpty()) {
      return;
    }
    store
        .find(change.recordId())
        .ifPresent(
            record ->
                enriched.forEach(
                    name ->
                        type.field(name)
                            .ifPresent(
                                f -> {
                                  if (!body.containsKey(f.name())) {
                                    body.put(
                                        f.name(), FieldValues.toJson(f, reader.value(record, f)));
                                  }
                                })));
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> body, String entity, String field, Object value) {
    CompoundFields.of(entity, field)
        .ifPresentOrElse(
            part -> {
              Map<String, Object> compound =
                  (Map<String, Object>)
                      body.computeIfAbsent(part.compound(), k -> new LinkedHashMap<>());
              compound.put(part.component(), value);
            },
            () -> body.put(field, value));
  }

  private static String dotted(String entity, String field) {
    return CompoundFields.of(entity, field).map(CompoundFields.Part::dotted).orElse(field);
  }

  private static Map<String, Object> header(
      String entity,
      List<String> recordIds,
      String changeType,
      String origin,
      String transactionKey,
      int sequence,
      Instant commitTimestamp,
      long commit,
      String user,
      List<String> changed,
      List<String> nulled) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("entityName", entity);
    header.put("recordIds", recordIds);
    header.put("changeType", changeType);
    header.put("changeOrigin", origin);
    header.put("transactionKey", transactionKey);
    header.put("sequenceNumber", sequence);
    header.put("commitTimestamp", commitTimestamp.toEpochMilli());
    header.put("commitNumber", commit);
    header.put("commitUser", user);
    header.put("changedFields", changed);
    header.put("nulledFields", nulled);
    header.put("diffFields", List.of());
    return header;
  }

  private static Map<String, Object> envelope(
      String entity, Map<String, Object> payload, long replayId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("schema", schemaId(entity));
    data.put("payload", payload);
    data.put("event", Map.of("replayId", replayId));
    return data;
  }

  /** Stable opaque schema id per entity, shaped like the real base64-ish ids. */
  static String schemaId(String entity) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            java.nio.ByteBuffer.allocate(16)
                .putLong(entity.hashCode() * 2654435761L)
                .putLong(entity.length() * 40503L)
                .array());
  }
}
