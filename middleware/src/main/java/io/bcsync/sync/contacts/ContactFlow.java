package io.bcsync.sync.contacts;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.changes.SalesforceChangeFlow;
import io.bcsync.sync.changes.SeenRecords;
import io.bcsync.sync.mapping.ReverseMapping;
import io.bcsync.sync.port.CustomerWriter;
import io.bcsync.sync.port.CustomerWriter.CustomerFields;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>A Salesforce Contact → its linked BigCommerce customer</b> ({@code BC_Customer_Id__c} = {@code
 * storeHash:customerId}). The batch is re-read in one query; the Salesforce-owned fields that are
 * news ({@link ContactChange}) are written with the customers batch update, ten per call, per
 * store. A Contact without a link is skipped, unless a store creates customers ({@link
 * CustomerCreation}); a group that carries a price list gets its assignment first ({@link
 * GroupPriceLists}). What is written is recorded first ({@link WrittenCustomers}) so the webhook it
 * fires is dropped as an echo ({@link CustomerEchoes}). A store whose mapping file maps segments to
 * customer groups ({@code segments:}) also gets the customer's group from the Contact's segment, in
 * the same call.
 */
// Salesforce-origin items exist only with Salesforce configured; without it this flow's ports do
// not either.
@Requires(condition = SalesforceConfigured.class)
@Singleton
public class ContactFlow implements Flow {
  public static final String OBJECT = "Contact";

  private final SalesforceRecords salesforce;
  private final CustomerWriter customers;
  private final SalesforceChangeFlow changes;
  private final ItemEvents events;
  private final WrittenCustomers written;
  private final SeenRecords seen;
  private final CustomerOwnership ownership;
  private final BeanProvider<SyncConfigs> configs;
  private final CustomerCreation creation;
  private final GroupPriceLists groupPriceLists;

  public ContactFlow(
      SalesforceRecords salesforce,
      CustomerWriter customers,
      SalesforceChangeFlow changes,
      ItemEvents events,
      WrittenCustomers written,
      SeenRecords seen,
      CustomerOwnership ownership,
      BeanProvider<SyncConfigs> configs,
      CustomerCreation creation,
      GroupPriceLists groupPriceLists) {
    this.creation = creation;
    this.groupPriceLists = groupPriceLists;
    this.seen = seen;
    this.ownership = ownership;
    this.configs = configs;
    this.salesforce = salesforce;
    this.customers = customers;
    this.changes = changes;
    this.events = events;
    this.written = written;
  }

  /** A store's segments and price lists; none when no store mapping is loaded (no Salesforce). */
  private ReverseMapping mappingOf(String storeHash) {
    return configs.isPresent()
        ? configs.get().forStore(storeHash).config().reverse()
        : ReverseMapping.none();
  }

  private List<ReverseMapping> allMappings() {
    return configs.isPresent()
        ? configs.get().all().stream().map(l -> l.config().reverse()).toList()
        : List.of();
  }

  /** The Contact fields that mapped customer fields Salesforce owns come from, in any store. */
  private List<String> mappedSources() {
    if (!configs.isPresent()) {
      return List.of();
    }
    Set<String> sources = new LinkedHashSet<>();
    for (SyncConfigs.Loaded loaded : configs.get().all()) {
      List<String> owned = ownership.salesforceOwned(loaded);
      ReverseMapping.CustomerMapping mapping = loaded.config().reverse().customers();
      ReverseMapping.CustomerMapping.MAPPABLE.stream()
          .filter(owned::contains)
          .map(mapping::source)
          .filter(java.util.Objects::nonNull)
          .forEach(sources::add);
    }
    return List.copyOf(sources);
  }

  @Override
  public String name() {
    return "salesforce-contacts";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.is(Origin.SALESFORCE, OBJECT);
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    changes.record(items);
    Map<Long, List<ItemEvents.ItemEvent>> byItem =
        events.of(items.stream().map(WorkItem::id).toList());
    Map<String, Map<String, String>> contacts =
        salesforce.read(
            OBJECT,
            ContactChange.fieldsToRead(allMappings(), mappedSources()),
            items.stream().map(i -> i.entity().id()).toList());
    seen.record(OBJECT, items, contacts);
    Map<Long, Outcome> outcomes = new HashMap<>();
    // Per store, per customer: two Contacts linked to one customer are written once, the later
    // item's values winning (both items get that write's outcome).
    Map<String, Map<Long, CustomerFields>> writes = new LinkedHashMap<>();
    Map<WorkItem, ContactChange> wanted = new LinkedHashMap<>();
    Map<WorkItem, Map<String, String>> unlinked = new LinkedHashMap<>();
    boolean creating = !creation.creatingStores().isEmpty();
    for (WorkItem item : items) {
      Map<String, String> contact = contacts.get(item.entity().id());
      if (creating && contact != null && contact.get(ContactChange.LINK) == null) {
        unlinked.put(item, contact);
        continue;
      }
      ContactChange.Decision decision =
          ContactChange.of(
              item,
              byItem.getOrDefault(item.id(), List.of()),
              contacts.get(item.entity().id()),
              ownership::salesforceOwned,
              this::mappingOf);
      if (decision.change() == null) {
        outcomes.put(item.id(), decision.outcome());
        continue;
      }
      ContactChange change = decision.change();
      wanted.put(item, change);
      writes
          .computeIfAbsent(change.storeHash(), s -> new LinkedHashMap<>())
          .put(change.customerId(), change.fields());
    }
    if (!unlinked.isEmpty()) {
      outcomes.putAll(creation.create(unlinked));
    }
    Map<String, Map<Long, WriteFailure>> failed = new HashMap<>();
    writes.forEach(
        (store, fields) -> {
          // The group's price list first: a customer is moved only into a group that carries it.
          Map<Long, WriteFailure> unassigned =
              groupPriceLists.ensure(
                  store, fields.values().stream().map(CustomerFields::customerGroupId).toList());
          Map<Long, WriteFailure> refused = new HashMap<>();
          Map<Long, CustomerFields> send = new LinkedHashMap<>();
          fields.forEach(
              (customerId, f) -> {
                WriteFailure failure = unassigned.get(f.customerGroupId());
                if (failure == null) {
                  send.put(customerId, f);
                } else {
                  refused.put(customerId, failure);
                }
              });
          written.record(store, send);
          refused.putAll(customers.updateCustomers(store, send));
          failed.put(store, refused);
        });
    wanted.forEach(
        (item, change) -> {
          WriteFailure failure = failed.get(change.storeHash()).get(change.customerId());
          outcomes.put(
              item.id(),
              failure == null
                  ? Outcome.SUCCESS
                  : failure.retryable()
                      ? Outcome.retry(failure.message())
                      : Outcome.permanent(failure.message()));
        });
    return outcomes;
  }
}
