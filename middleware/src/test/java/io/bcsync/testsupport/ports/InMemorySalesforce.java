package io.bcsync.testsupport.ports;

import io.bcsync.config.SalesforceApiConfig;
import io.bcsync.salesforce.writer.UpsertCalls;
import io.bcsync.sync.catalog.PricebookEntries;
import io.bcsync.sync.catalog.ProductLine;
import io.bcsync.sync.customers.LeadConversion;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.testsupport.ports.OrgCalls.Fault;
import io.bcsync.testsupport.ports.OrgRecords.Saved;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Salesforce org in memory, behind every Salesforce port the core calls: records written and
 * deleted ({@link SalesforceRecords}), customers looked up ({@link CandidateSource}), Leads
 * converted ({@link LeadConversion}) and products made orderable ({@link PricebookEntries}).
 * Records follow the platform's rules ({@link OrgRecords}); calls follow the port's contract:
 * grouped by object, operation and external id field, parents first, at most 200 records per call,
 * and an item's later records not sent once one of its records failed.
 *
 * <p>Tests read the records back, count calls per call and object ({@code upsert Order}), and plan
 * faults: the next calls of one kind failing as a whole with a status code, or applied with their
 * response lost. Unlike the SOAP adapter the fake does not retry UNABLE_TO_LOCK_ROW in process: a
 * planned fault always reaches the core.
 */
public final class InMemorySalesforce
    implements SalesforceRecords, CandidateSource, LeadConversion, PricebookEntries {
  public static final int RECORDS_PER_CALL = 200;

  private final OrgRecords data;
  private final OrgCalls calls = new OrgCalls();
  private final List<String> objectOrder = SalesforceApiConfig.DEFAULT_OBJECT_ORDER;
  private final OrgLeads leads;
  private final OrgPricebooks books;
  private final List<RecordWrite> writeLog = new ArrayList<>();

  public InMemorySalesforce(Path packageMetadata) {
    this.data = new OrgRecords(OrgSchema.fromPackage(packageMetadata));
    this.leads = new OrgLeads(data, calls);
    this.books = new OrgPricebooks(data, calls);
  }

  // --- SalesforceRecords ---

  @Override
  public synchronized WriteReport write(List<RecordWrite> writes) {
    writeLog.addAll(writes);
    Map<RecordWrite, RecordResult> results = new IdentityHashMap<>();
    Set<Long> failedItems = new HashSet<>();
    int callCount = 0;
    for (List<RecordWrite> group : groupsInWriteOrder(writes)) {
      List<RecordWrite> pending = new ArrayList<>();
      for (RecordWrite write : group) {
        if (failedItems.contains(write.workItemId())) {
          results.put(
              write,
              failed(
                  write,
                  OrgRecords.error(
                      "NOT_SENT",
                      "not sent because an earlier record of the same work item failed")));
        } else {
          pending.add(write);
        }
      }
      // As the adapter: never the same external id twice in one upsert call.
      for (List<RecordWrite> chunk : UpsertCalls.split(pending, RECORDS_PER_CALL)) {
        callCount++;
        for (RecordResult result : call(chunk)) {
          results.put(result.write(), result);
          if (!result.success()) {
            failedItems.add(result.write().workItemId());
          }
        }
      }
    }
    return new WriteReport(writes.stream().map(results::get).toList(), callCount);
  }

  /**
   * An id already deleted is absent from the answer like one deleted now: Salesforce reports
   * ENTITY_IS_DELETED for it, and the port's contract (as its adapter) counts that as gone. A call
   * is counted under the object of its first id.
   */
  @Override
  public synchronized Map<String, RecordError> delete(Collection<String> ids) {
    Map<String, RecordError> failed = new LinkedHashMap<>();
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += RECORDS_PER_CALL) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + RECORDS_PER_CALL));
      String type = data.find(chunk.get(0)).map(r -> r.type).orElse("unknown");
      calls.whole(
          "delete",
          type,
          () -> {
            for (String id : chunk) {
              RecordError error = data.delete(id);
              if (error != null && !error.statusCode().equals("ENTITY_IS_DELETED")) {
                failed.put(id, error);
              }
            }
            return null;
          });
    }
    return failed;
  }

  @Override
  public synchronized Map<String, String> accountsOfContacts(Collection<String> contactIds) {
    Map<String, String> accounts = new LinkedHashMap<>();
    List<String> all = List.copyOf(contactIds);
    for (int from = 0; from < all.size(); from += RECORDS_PER_CALL) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + RECORDS_PER_CALL));
      calls.whole(
          "query",
          "Contact",
          () -> {
            for (String id : chunk) {
              data.find(id)
                  .filter(c -> !c.deleted && c.type.equals("Contact") && c.get("AccountId") != null)
                  .ifPresent(c -> accounts.put(id, c.get("AccountId").toString()));
            }
            return null;
          });
    }
    return accounts;
  }

  @Override
  public synchronized Map<String, List<String>> idsByKey(
      String sobjectType, String keyPath, Collection<String> keys) {
    Map<String, String> given = new LinkedHashMap<>();
    keys.forEach(k -> given.put(k.toLowerCase(java.util.Locale.ROOT), k));
    List<String> all = List.copyOf(given.values());
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += 100) {
      Set<String> chunk =
          new HashSet<>(
              all.subList(from, Math.min(all.size(), from + 100)).stream()
                  .map(k -> k.toLowerCase(java.util.Locale.ROOT))
                  .toList());
      calls.whole(
          "query",
          sobjectType,
          () -> {
            for (OrgRecords.Stored r : data.live(sobjectType)) {
              Object value = valueAt(r, keyPath);
              String key =
                  value == null ? null : value.toString().toLowerCase(java.util.Locale.ROOT);
              if (key != null && chunk.contains(key)) {
                ids.computeIfAbsent(given.get(key), k -> new ArrayList<>()).add(r.id());
              }
            }
            return null;
          });
    }
    return ids;
  }

  @Override
  public synchronized Map<String, Map<String, String>> read(
      String sobjectType, List<String> fieldPaths, Collection<String> ids) {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
    Map<String, Map<String, String>> found = new LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += 500) {
      Set<String> chunk = new HashSet<>(all.subList(from, Math.min(all.size(), from + 500)));
      calls.whole(
          "query",
          sobjectType,
          () -> {
            for (OrgRecords.Stored r : data.live(sobjectType)) {
              if (chunk.contains(r.id())) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String path : fieldPaths) {
                  Object value = valueAt(r, path);
                  values.put(path, value == null ? null : value.toString());
                }
                found.put(r.id(), values);
              }
            }
            return null;
          });
    }
    return found;
  }

  /** A field, or a parent's field through its relationship ({@code Opportunity.BC_Order_Id__c}). */
  private Object valueAt(OrgRecords.Stored record, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return record.get(path);
    }
    Object parentId = record.get(OrgSchema.lookupField(path.substring(0, dot)));
    return parentId == null
        ? null
        : data.find(parentId.toString())
            .filter(p -> !p.deleted)
            .map(p -> p.get(path.substring(dot + 1)))
            .orElse(null);
  }

  // --- CandidateSource ---

  @Override
  public synchronized CandidateFinder prefetch(
      Collection<CustomerProfile> profiles, MatchingConfig config) {
    return leads.prefetch(profiles, config);
  }

  // --- LeadConversion ---

  @Override
  public synchronized Map<String, Converted> convert(List<String> leadIds) {
    return leads.convert(leadIds);
  }

  // --- PricebookEntries ---

  @Override
  public synchronized String orderPricebookId() {
    return books.orderPricebookId();
  }

  @Override
  public synchronized Map<String, String> ensure(Collection<ProductLine> lines) {
    return books.ensure(lines);
  }

  // --- what tests see and do ---

  /** A record created as a person in Salesforce would: not counted as a call of the sync. */
  public synchronized String insert(String sobjectType, Map<String, Object> fields) {
    Saved saved = data.create(sobjectType, fields);
    if (!saved.success()) {
      throw new IllegalArgumentException("the in-memory org refused it: " + saved.error());
    }
    return saved.id();
  }

  /** A record deleted as a person in Salesforce would: not counted as a call of the sync. */
  public synchronized void deleteRecord(String id) {
    RecordError error = data.delete(id);
    if (error != null) {
      throw new IllegalArgumentException("the in-memory org refused it: " + error);
    }
  }

  /** Every record write the sync asked for so far, in order, whatever its outcome. */
  public synchronized List<RecordWrite> writes() {
    return List.copyOf(writeLog);
  }

  /** A live record's fields (with Id); empty when it does not exist or was deleted. */
  public synchronized Optional<Map<String, Object>> record(String id) {
    return data.find(id).filter(r -> !r.deleted).map(r -> Map.copyOf(r.values));
  }

  public synchronized boolean isDeleted(String id) {
    return data.find(id).map(r -> r.deleted).orElse(false);
  }

  /** The live records of an object, oldest first. */
  public synchronized List<Map<String, Object>> records(String sobjectType) {
    return data.live(sobjectType).stream().map(r -> Map.copyOf(r.values)).toList();
  }

  /** Live records whose field holds the value (text compared ignoring case, as SOQL does). */
  public synchronized List<Map<String, Object>> where(
      String sobjectType, String field, Object value) {
    return records(sobjectType).stream()
        .filter(
            r ->
                value instanceof String text
                    ? text.equalsIgnoreCase(Objects.toString(r.get(field), null))
                    : Objects.equals(value, r.get(field)))
        .toList();
  }

  public Map<String, Object> one(String sobjectType, String field, Object value) {
    List<Map<String, Object>> found = where(sobjectType, field, value);
    if (found.size() != 1) {
      throw new AssertionError(
          found.size() + " " + sobjectType + " records with " + field + " = " + value);
    }
    return found.get(0);
  }

  public String standardPricebookId() {
    return books.standardBook();
  }

  /** Calls answered so far of one kind, e.g. {@code calls("upsert", "Order")}. */
  public synchronized int calls(String call, String sobjectType) {
    return calls.count(call, sobjectType);
  }

  /** Every call answered so far, by {@code "<call> <object>"}. */
  public synchronized Map<String, Integer> calls() {
    return calls.all();
  }

  /**
   * The next {@code times} calls of this kind fail as a whole with {@code statusCode}: every record
   * of a write gets it (retryable as Salesforce's code is), other calls throw as the adapters do.
   */
  public synchronized void failNext(int times, String call, String sobjectType, String statusCode) {
    calls.plan(call, sobjectType, new Fault(statusCode, false), times);
  }

  /**
   * The next call of this kind is applied, but its response is lost: the records of a write fail
   * with a retryable TIMEOUT, as the adapter reports a read timeout; other calls throw.
   */
  public synchronized void loseResponseOfNext(String call, String sobjectType) {
    calls.plan(call, sobjectType, new Fault(null, true), 1);
  }

  // --- one call ---

  private List<RecordResult> call(List<RecordWrite> chunk) {
    RecordWrite first = chunk.get(0);
    String call = first.operation().name().toLowerCase(java.util.Locale.ROOT);
    Optional<Fault> fault = calls.call(call, first.sobjectType());
    if (fault.isPresent() && !fault.get().lostResponse()) {
      RecordError error =
          OrgRecords.error(fault.get().code(), "the call failed as a whole (planned fault)");
      return chunk.stream().map(w -> failed(w, error)).toList();
    }
    List<RecordResult> results = OrgCall.apply(data, chunk);
    if (fault.isPresent()) {
      RecordError lost =
          OrgRecords.error("TIMEOUT", "Read timed out: applied, but the response was lost");
      return chunk.stream().map(w -> failed(w, lost)).toList();
    }
    return results;
  }

  /** Grouped by object, operation and external id field; groups in parent-first object order. */
  private List<List<RecordWrite>> groupsInWriteOrder(List<RecordWrite> writes) {
    Map<List<Object>, List<RecordWrite>> groups = new LinkedHashMap<>();
    for (RecordWrite write : writes) {
      groups
          .computeIfAbsent(
              java.util.Arrays.asList(
                  write.sobjectType(), write.operation(), write.externalIdField()),
              k -> new ArrayList<>())
          .add(write);
    }
    List<List<RecordWrite>> ordered = new ArrayList<>(groups.values());
    ordered.sort(
        (a, b) -> Integer.compare(rank(a.get(0).sobjectType()), rank(b.get(0).sobjectType())));
    return ordered;
  }

  private int rank(String sobjectType) {
    int index = objectOrder.indexOf(sobjectType);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  static RecordResult failed(RecordWrite write, RecordError error) {
    return new RecordResult(write, false, null, false, List.of(error));
  }
}
