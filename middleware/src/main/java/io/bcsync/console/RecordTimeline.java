package io.bcsync.console;

import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.console.TimelineEntries.Entry;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.FailureLog;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkQueue;
import io.bcsync.sync.customers.GuestKeys;
import io.bcsync.sync.history.SyncHistory;
import io.bcsync.sync.history.SyncHistory.ChangeEvent;
import io.bcsync.sync.history.SyncHistory.Written;
import io.bcsync.sync.history.WriteHistory;
import io.bcsync.sync.port.SalesforceRecords;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record timeline (docs/console.md): finds the records a search names (a BigCommerce order or
 * customer, the guest behind an e-mail, the BigCommerce entities linked to a Salesforce id), then
 * everything that happened to them in time order. Serves the console's {@code /timeline} and {@code
 * GET /admin/timeline}; reads the queue through the pipeline's inspectors and the sync's decisions
 * through {@link SyncHistory}, nothing else.
 */
@Singleton
public class RecordTimeline {
  static final int MAX_ITEMS = 200;
  static final int EVENTS_PER_ITEM = 20;

  /** Key prefixes of the Salesforce objects the sync writes or hears about (Salesforce's own). */
  private static final Map<String, String> OBJECT_BY_PREFIX =
      Map.of(
          "001", "Account",
          "003", "Contact",
          "006", "Opportunity",
          "00Q", "Lead",
          "801", "Order",
          "802", "OrderItem",
          "01t", "Product2",
          "01u", "PricebookEntry",
          "500", "Case");

  private final QueueInspector inspector;
  private final WorkQueue queue;
  private final FailureLog failures;
  private final SyncHistory history;
  private final WriteHistory writes;
  private final ConnectedStores stores;
  private final BeanProvider<GuestKeys> guestKeys;
  private final BeanProvider<SalesforceRecords> salesforce;

  public RecordTimeline(
      QueueInspector inspector,
      WorkQueue queue,
      FailureLog failures,
      SyncHistory history,
      WriteHistory writes,
      ConnectedStores stores,
      BeanProvider<GuestKeys> guestKeys,
      BeanProvider<SalesforceRecords> salesforce) {
    this.inspector = inspector;
    this.queue = queue;
    this.failures = failures;
    this.history = history;
    this.writes = writes;
    this.stores = stores;
    this.guestKeys = guestKeys;
    this.salesforce = salesforce;
  }

  public Timeline find(TimelineQuery query) {
    Found found = new Found();
    switch (query.kind()) {
      case BIGCOMMERCE_ID -> byBigCommerceId(query, found);
      case EMAIL -> byEmail(query, found);
      case SALESFORCE_ID -> bySalesforceId(query.value(), query.store(), found);
      default -> throw new IllegalStateException("unknown query kind " + query.kind());
    }
    TimelineEntries entries = new TimelineEntries();
    for (Record record : found.records.values()) {
      collect(record, entries, found);
    }
    if (query.kind() == TimelineQuery.Kind.SALESFORCE_ID) {
      changes(query.value(), entries, found);
    }
    List<WorkItem> items =
        found.items.values().stream().limit(FailureLog.MAX_ITEMS_PER_QUERY).toList();
    for (WorkItem item : items) {
      entries.item(
          item,
          inspector.events(
              Optional.empty(), Optional.of(item.id()), Optional.empty(), EVENTS_PER_ITEM));
    }
    entries.failures(failures.attempts(items.stream().map(WorkItem::id).toList()));
    return new Timeline(
        query.value(),
        query.store().orElse(""),
        List.copyOf(found.records.values()),
        entries.sorted(),
        List.copyOf(found.related),
        List.copyOf(found.notes),
        found.items.size() > items.size() || found.items.size() >= MAX_ITEMS);
  }

  private void byBigCommerceId(TimelineQuery query, Found found) {
    Set<String> storeHashes = new TreeSet<>();
    if (query.store().isPresent()) {
      storeHashes.add(query.store().get());
    } else {
      stores.all().stream().map(ConnectedStore::storeHash).forEach(storeHashes::add);
    }
    String id = query.value();
    List<Written> writtenForId = history.writtenFor(List.of("order", "customer"), id);
    for (Written written : writtenForId) {
      if (query.store().isEmpty() || query.store().get().equals(written.storeHash())) {
        storeHashes.add(written.storeHash());
      }
    }
    List<EntityRef> refs = new ArrayList<>();
    for (String store : storeHashes) {
      refs.add(new EntityRef(store, "order", id));
      refs.add(new EntityRef(store, "customer", id));
      refs.add(new EntityRef(store, "product", id));
    }
    for (WorkItem item : inspector.itemsOf(refs, MAX_ITEMS)) {
      found.record(item.entity().storeHash(), item.entity().type(), id);
    }
    for (Written written : writtenForId) {
      if (storeHashes.contains(written.storeHash())) {
        found.record(written.storeHash(), written.bcType(), id);
      }
    }
  }

  /**
   * The guest with this e-mail in each store, the customers linked to the same Contact, and the
   * registered customers linked to a Contact Salesforce has with this e-mail.
   */
  private void byEmail(TimelineQuery query, Found found) {
    if (!guestKeys.isPresent()) {
      found.notes.add("Salesforce is not configured, so no guest was ever keyed by e-mail.");
      return;
    }
    guestsByEmail(query, found);
    if (salesforce.isPresent()) {
      customersByContactEmail(query, found);
    }
  }

  /**
   * bcsync keeps no e-mail of a registered customer, so Salesforce is asked (one query) for the
   * Contacts with this e-mail; the identity map says which customers were written to them.
   */
  private void customersByContactEmail(TimelineQuery query, Found found) {
    List<String> contacts;
    try {
      contacts =
          salesforce
              .get()
              .idsByKey("Contact", "Email", List.of(query.value()))
              .getOrDefault(query.value(), List.of());
    } catch (RuntimeException e) {
      // Class only: the failure's text may quote the query, which holds the address.
      found.notes.add(
          "Salesforce could not be asked for the Contacts with this e-mail ("
              + e.getClass().getSimpleName()
              + "); a registered customer can be found by its id.");
      return;
    }
    for (String contactId : contacts) {
      for (Written written : history.writtenTo(contactId)) {
        if ("customer".equals(written.bcType())
            && (query.store().isEmpty() || query.store().get().equals(written.storeHash()))) {
          found.record(written.storeHash(), "customer", written.bcId());
        }
      }
    }
  }

  private void guestsByEmail(TimelineQuery query, Found found) {
    GuestKeys keys = guestKeys.get();
    List<String> ids = new ArrayList<>();
    ids.add(keys.idOf(query.value()));
    keys.legacyIdOf(query.value()).ifPresent(ids::add);
    for (String guestId : ids) {
      for (Written written : history.writtenFor(List.of("guest"), guestId)) {
        if (query.store().isPresent() && !query.store().get().equals(written.storeHash())) {
          continue;
        }
        found.record(written.storeHash(), "guest", guestId);
        for (Written same : history.writtenTo(written.sfId())) {
          if ("customer".equals(same.bcType())) {
            found.record(same.storeHash(), "customer", same.bcId());
          }
        }
      }
    }
  }

  private void bySalesforceId(String sfId, Optional<String> store, Found found) {
    for (WriteHistory.RuleWritten written : writes.ruleWritesTo(sfId)) {
      if (store.isEmpty() || store.get().equals(written.storeHash())) {
        found.record(written.storeHash(), "order", String.valueOf(written.orderId()));
      }
    }
    for (Written written : history.writtenTo(sfId)) {
      if (store.isPresent() && !store.get().equals(written.storeHash())) {
        continue;
      }
      switch (written.bcType()) {
        case "order_line" -> found.record(written.storeHash(), "order", written.parentBcId());
        case "order", "customer", "guest" ->
            found.record(written.storeHash(), written.bcType(), written.bcId());
        default ->
            found.related.add(
                new Related(
                    written.bcType() + " " + written.bcId(), written.bcId(), written.storeHash()));
      }
    }
  }

  private void collect(Record record, TimelineEntries entries, Found found) {
    String store = record.store();
    List<EntityRef> refs = new ArrayList<>();
    refs.add(new EntityRef(store, record.type(), record.id()));
    entries.holds(record, history.holdsOf(store, record.type(), record.id()));
    switch (record.type()) {
      case "order" -> {
        refs.add(new EntityRef(store, "order_salesforce_id", record.id()));
        history.writtenFor(List.of("order"), record.id()).stream()
            .filter(w -> w.storeHash().equals(store))
            .forEach(w -> written(w, record, entries, found));
        entries.lines(record, history.linesOf(store, record.id()));
        long orderId = Long.parseLong(record.id());
        entries.rules(record, history.rulesFired(store, orderId));
        entries.ruleWrites(record, writes.ruleWrites(store, orderId));
        for (SyncHistory.NoticeEvent notice : history.notices(store, orderId)) {
          entries.notice(record, notice);
          refs.add(new EntityRef(store, "order_notice", notice.key()));
        }
      }
      case "customer", "guest" -> {
        history.writtenFor(List.of(record.type()), record.id()).stream()
            .filter(w -> w.storeHash().equals(store))
            .forEach(w -> written(w, record, entries, found));
        String customerKey = record.type() + ":" + record.id();
        entries.reviews(record, history.reviews(store, customerKey));
        for (Long order : history.ordersOf(store, customerKey)) {
          found.related.add(new Related("order " + order, String.valueOf(order), store));
        }
      }
      case "product" ->
          entries.catalogWrites(record, writes.catalogWrites(store, Long.parseLong(record.id())));
      default -> {}
    }
    if (!record.type().equals("guest")) {
      for (WorkItem item : inspector.itemsOf(refs, MAX_ITEMS)) {
        found.items.putIfAbsent(item.id(), item);
      }
    }
    for (String sfId : found.salesforceIdsOf(record)) {
      changes(sfId, entries, found);
    }
  }

  private void written(Written w, Record record, TimelineEntries entries, Found found) {
    entries.written(record, w);
    found.salesforceIdsByRecord.computeIfAbsent(record, r -> new LinkedHashSet<>()).add(w.sfId());
  }

  /** Change events Salesforce sent about a record, and the work items they opened. */
  private void changes(String sfId, TimelineEntries entries, Found found) {
    if (!found.changesRead.add(sfId)) {
      return;
    }
    String prefix = sfId.length() >= 3 ? sfId.substring(0, 3) : "";
    Set<String> objects = new TreeSet<>();
    Optional.ofNullable(OBJECT_BY_PREFIX.get(prefix)).ifPresent(objects::add);
    for (ChangeEvent change : history.changes(objects, sfId)) {
      entries.change(change);
      queue.find(change.workItemId()).ifPresent(item -> found.items.putIfAbsent(item.id(), item));
    }
  }

  private static final class Found {
    final Map<String, Record> records = new LinkedHashMap<>();
    final Map<Long, WorkItem> items = new LinkedHashMap<>();
    final Set<String> changesRead = new LinkedHashSet<>();
    final Map<Record, Set<String>> salesforceIdsByRecord = new LinkedHashMap<>();
    final Set<Related> related = new LinkedHashSet<>();
    final List<String> notes = new ArrayList<>();

    void record(String store, String type, String id) {
      if (id == null) {
        return;
      }
      records.putIfAbsent(store + "|" + type + "|" + id, new Record(store, type, id));
    }

    Set<String> salesforceIdsOf(Record record) {
      return salesforceIdsByRecord.getOrDefault(record, Set.of());
    }
  }

  /** A BigCommerce record the search found: {@code type} is order, customer, guest or product. */
  public record Record(String store, String type, String id) {
    public String label() {
      return store + " " + type + " " + id;
    }
  }

  /** Another record worth a look (a customer's orders): links to its own timeline. */
  public record Related(String label, String query, String store) {}

  /**
   * @param truncated whether the records had more work items than the timeline reads
   */
  public record Timeline(
      String query,
      String store,
      List<Record> records,
      List<Entry> entries,
      List<Related> related,
      List<String> notes,
      boolean truncated) {}
}
