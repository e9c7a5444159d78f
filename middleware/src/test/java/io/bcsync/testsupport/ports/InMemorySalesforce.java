package io.bcsync.testsupport.ports;

import io.bcsync.config.SalesforceApiConfig;
import io.bcsync.salesforce.writer.SalesforceUnreachableException;
import io.bcsync.sync.catalog.PricebookEntries;
import io.bcsync.sync.catalog.ProductLine;
import io.bcsync.sync.customers.LeadConversion;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.ListCandidateSource;
import io.bcsync.sync.matching.MatchKeys;
import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.testsupport.ports.OrgCalls.Fault;
import io.bcsync.testsupport.ports.OrgRecords.Saved;
import io.bcsync.testsupport.ports.OrgRecords.Stored;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
  static final int LEADS_PER_CONVERT_CALL = 100;

  private final OrgRecords data;
  private final OrgCalls calls = new OrgCalls();
  private final List<String> objectOrder = SalesforceApiConfig.DEFAULT_OBJECT_ORDER;
  private final String standardBook;
  private final Map<String, String> entryByVariant = new HashMap<>();
  private boolean bookAsked;

  public InMemorySalesforce(Path packageMetadata) {
    this.data = new OrgRecords(OrgSchema.fromPackage(packageMetadata));
    this.standardBook =
        data.create(
                "Pricebook2",
                Map.of("Name", "Standard Price Book", "IsStandard", true, "IsActive", true))
            .id();
  }

  // --- SalesforceRecords ---

  @Override
  public synchronized WriteReport write(List<RecordWrite> writes) {
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
      for (int from = 0; from < pending.size(); from += RECORDS_PER_CALL) {
        callCount++;
        for (RecordResult result :
            call(pending.subList(from, Math.min(pending.size(), from + RECORDS_PER_CALL)))) {
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
      wholeCall(
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
      wholeCall(
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

  // --- CandidateSource ---

  /**
   * A snapshot of every Contact and unconverted Lead, taken with one query per object when the
   * batch has any key, answered through {@link ListCandidateSource}: like the SOQL source it
   * over-returns, never misses, and refuses keys it was not prefetched for.
   */
  @Override
  public synchronized CandidateFinder prefetch(
      Collection<CustomerProfile> profiles, MatchingConfig config) {
    MatchKeys keys = new MatchKeys(config);
    boolean anyKey =
        profiles.stream()
            .anyMatch(p -> config.rules().stream().anyMatch(r -> keys.keyFor(r, p).isPresent()));
    List<Candidate> candidates = new ArrayList<>();
    if (anyKey) {
      wholeCall("query", "Contact", () -> candidates.addAll(candidates("Contact")));
      wholeCall("query", "Lead", () -> candidates.addAll(candidates("Lead")));
    }
    return new ListCandidateSource()
        .with(candidates.toArray(Candidate[]::new))
        .prefetch(profiles, config);
  }

  private List<Candidate> candidates(String type) {
    boolean lead = type.equals("Lead");
    return data.live(type).stream()
        .filter(r -> !Boolean.TRUE.equals(r.get("IsConverted")))
        .map(
            r ->
                new Candidate(
                        r.id(),
                        lead ? CandidateKind.LEAD : CandidateKind.CONTACT,
                        text(r, "BC_Customer_Id__c"),
                        text(r, "Email"),
                        text(r, "Phone"),
                        null,
                        null,
                        null)
                    .withName(
                        text(r, "FirstName"),
                        text(r, "LastName"),
                        text(r, lead ? "PostalCode" : "MailingPostalCode")))
        .toList();
  }

  // --- LeadConversion ---

  /**
   * Each Lead into a new Account (named after its Company) and Contact, as convertLead without an
   * opportunity does. Custom Lead fields are not carried over: that needs a lead field mapping an
   * admin may not have made. A Lead that is gone or already converted is left out of the answer.
   */
  @Override
  public synchronized Map<String, Converted> convert(List<String> leadIds) {
    Map<String, Converted> converted = new LinkedHashMap<>();
    for (int from = 0; from < leadIds.size(); from += LEADS_PER_CONVERT_CALL) {
      List<String> chunk =
          leadIds.subList(from, Math.min(leadIds.size(), from + LEADS_PER_CONVERT_CALL));
      wholeCall(
          "convertLead",
          "Lead",
          () -> {
            chunk.forEach(id -> convertOne(id).ifPresent(c -> converted.put(id, c)));
            return null;
          });
    }
    return converted;
  }

  private Optional<Converted> convertOne(String leadId) {
    Optional<Stored> lead =
        data.find(leadId)
            .filter(l -> !l.deleted && l.type.equals("Lead"))
            .filter(l -> !Boolean.TRUE.equals(l.get("IsConverted")));
    if (lead.isEmpty()) {
      return Optional.empty();
    }
    Stored l = lead.get();
    Saved account = data.create("Account", Map.of("Name", l.get("Company")));
    Map<String, Object> contact = new LinkedHashMap<>();
    for (String field : List.of("FirstName", "LastName", "Email", "Phone")) {
      contact.put(field, l.get(field));
    }
    contact.put("AccountId", account.id());
    Saved saved = data.create("Contact", contact);
    l.values.put("IsConverted", true);
    l.values.put("ConvertedAccountId", account.id());
    l.values.put("ConvertedContactId", saved.id());
    return Optional.of(new Converted(saved.id(), account.id()));
  }

  // --- PricebookEntries ---

  /** The standard price book; asked once, as the real lookup caches it. */
  @Override
  public synchronized String orderPricebookId() {
    if (!bookAsked) {
      wholeCall("query", "Pricebook2", () -> null);
      bookAsked = true;
    }
    return standardBook;
  }

  /**
   * Unknown variants cost a query, an upsert of their Product2 rows and a create of their standard
   * price book entries; known ones cost nothing, as the real lookup's cache makes them.
   */
  @Override
  public synchronized Map<String, String> ensure(Collection<ProductLine> lines) {
    Map<String, ProductLine> unknown = new LinkedHashMap<>();
    Map<String, String> entries = new LinkedHashMap<>();
    for (ProductLine line : lines) {
      String known = entryByVariant.get(line.variantKey());
      if (known != null) {
        entries.put(line.variantKey(), known);
      } else {
        unknown.putIfAbsent(line.variantKey(), line);
      }
    }
    if (unknown.isEmpty()) {
      return entries;
    }
    wholeCall("query", "Product2", () -> null);
    Map<String, String> products = new LinkedHashMap<>();
    wholeCall(
        "upsert",
        "Product2",
        () -> {
          unknown.forEach((key, line) -> products.put(key, saved(product(line)).id()));
          return null;
        });
    wholeCall(
        "create",
        "PricebookEntry",
        () -> {
          unknown.forEach(
              (key, line) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("Pricebook2Id", standardBook);
                entry.put("Product2Id", products.get(key));
                entry.put("UnitPrice", line.unitPrice());
                entry.put("IsActive", true);
                entryByVariant.put(key, saved(data.create("PricebookEntry", entry)).id());
                entries.put(key, entryByVariant.get(key));
              });
          return null;
        });
    return entries;
  }

  private Saved product(ProductLine line) {
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("BC_Variant_Key__c", line.variantKey());
    product.put("Name", line.name() != null ? line.name() : line.variantKey());
    product.put("ProductCode", line.sku());
    product.put("IsActive", true);
    return data.upsert("Product2", "BC_Variant_Key__c", product);
  }

  private static Saved saved(Saved saved) {
    if (!saved.success()) {
      throw new IllegalStateException("the in-memory org refused a product: " + saved.error());
    }
    return saved;
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
    return standardBook;
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

  /** A call that succeeds or throws as a whole, as queries, deletes and conversions do. */
  private <T> T wholeCall(String call, String sobjectType, Supplier<T> work) {
    Optional<Fault> fault = calls.call(call, sobjectType);
    if (fault.isPresent() && !fault.get().lostResponse()) {
      throw unreachable(call, sobjectType, fault.get().code());
    }
    T result = work.get();
    if (fault.isPresent()) {
      throw unreachable(call, sobjectType, "TIMEOUT");
    }
    return result;
  }

  private static SalesforceUnreachableException unreachable(
      String call, String sobjectType, String code) {
    return new SalesforceUnreachableException(
        call + " " + sobjectType,
        OrgRecords.error(code, "planned fault of the in-memory org"),
        null);
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

  private static String text(Stored record, String field) {
    Object value = record.get(field);
    return value == null ? null : value.toString();
  }
}
