package io.bcsync.sync.contacts;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.mapping.ReverseMapping;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CustomerWriter;
import io.bcsync.sync.port.CustomerWriter.CustomerFields;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * <b>The "may create customers" store setting.</b> A Contact linked to no BigCommerce customer
 * ({@code BC_Customer_Id__c} empty) gets one in the store whose mapping file says {@code customers:
 * {create_customers: true}} (default false: Salesforce never creates customers). No duplicate: the
 * store's customers are looked up by the Contact's e-mail first and an existing one is linked
 * instead (and given the Contact's Salesforce-owned fields). A creation whose answer was lost, or
 * whose item died before the link was written back, converges the same way: the retry finds the
 * customer by its e-mail. The link ({@code storeHash:customerId}) is written back to the Contact by
 * the integration user, whose change events the subscriber drops.
 */
@Singleton
public class CustomerCreation {
  private final CustomerWriter customers;
  private final CatalogWriter stores;
  private final SalesforceRecords salesforce;
  private final WrittenCustomers written;
  private final CustomerOwnership ownership;
  private final BeanProvider<SyncConfigs> configs;
  private final GroupPriceLists groupPriceLists;

  public CustomerCreation(
      CustomerWriter customers,
      CatalogWriter stores,
      SalesforceRecords salesforce,
      WrittenCustomers written,
      CustomerOwnership ownership,
      BeanProvider<SyncConfigs> configs,
      GroupPriceLists groupPriceLists) {
    this.groupPriceLists = groupPriceLists;
    this.customers = customers;
    this.stores = stores;
    this.salesforce = salesforce;
    this.written = written;
    this.ownership = ownership;
    this.configs = configs;
  }

  /** The connected stores whose mapping file lets Salesforce create customers. */
  public List<String> creatingStores() {
    if (!configs.isPresent()) {
      return List.of();
    }
    SyncConfigs loaded = configs.get();
    return stores.writableStores().stream()
        .filter(s -> loaded.forStore(s).config().reverse().customers().createCustomers())
        .toList();
  }

  /** One outcome per unlinked Contact's item: linked to a found or new customer, or why not. */
  Map<Long, Outcome> create(Map<WorkItem, Map<String, String>> unlinked) {
    Map<Long, Outcome> outcomes = new HashMap<>();
    List<String> creating = creatingStores();
    if (creating.size() != 1) {
      // A Contact names no store; with several allowed, which one gets the customer is a guess.
      unlinked
          .keySet()
          .forEach(
              item ->
                  outcomes.put(
                      item.id(),
                      Outcome.permanent(
                          "customers.create_customers is on in several stores "
                              + creating
                              + "; a Contact without "
                              + ContactChange.LINK
                              + " names none of them, so none gets a customer")));
      return outcomes;
    }
    String store = creating.get(0);
    ReverseMapping mapping = configs.get().forStore(store).config().reverse();
    List<String> owned = ownership.salesforceOwned(store);
    Map<WorkItem, String> emails = new LinkedHashMap<>();
    Map<String, CustomerFields> byEmail = new LinkedHashMap<>();
    unlinked.forEach(
        (item, contact) -> {
          String id = item.entity().id();
          String email = ContactChange.value(contact.get(ContactChange.EMAIL)).trim();
          if (email.isEmpty()) {
            outcomes.put(
                item.id(),
                Outcome.skipped(
                    "Contact " + id + " is not linked and has no e-mail to create a customer by"));
            return;
          }
          Outcome bad = newCustomerRefused(id, email, contact);
          ContactChange.Decision decision =
              bad != null
                  ? new ContactChange.Decision(null, bad)
                  : ContactChange.fields(id, contact, owned, mapping, store, true, Set.of());
          // Skipped means only that Salesforce owns no field to add: the customer is still made.
          if (decision.change() == null && !(decision.outcome() instanceof Outcome.Skipped)) {
            outcomes.put(item.id(), decision.outcome());
            return;
          }
          CustomerFields fields =
              decision.change() == null
                  ? new CustomerFields(null, null, null, null)
                  : decision.change().fields();
          String key = email.toLowerCase(Locale.ROOT);
          emails.put(item, key);
          byEmail.put(key, fields);
        });
    Map<String, WriteFailure> failed = new HashMap<>();
    // The group's price list first, as for linked Contacts (GroupPriceLists).
    Map<Long, WriteFailure> unassigned =
        groupPriceLists.ensure(
            store, byEmail.values().stream().map(CustomerFields::customerGroupId).toList());
    byEmail
        .entrySet()
        .removeIf(
            e -> {
              WriteFailure failure = unassigned.get(e.getValue().customerGroupId());
              if (failure != null) {
                failed.put(e.getKey(), failure);
              }
              return failure != null;
            });
    Map<String, Long> found =
        byEmail.isEmpty() ? Map.of() : customers.customersByEmail(store, byEmail.keySet());
    Map<Long, CustomerFields> updates = new LinkedHashMap<>();
    Map<String, CustomerFields> toCreate = new LinkedHashMap<>();
    byEmail.forEach(
        (email, fields) -> {
          Long existing = found.get(email);
          if (existing == null) {
            toCreate.put(email, withNames(fields, unlinked, emails, email));
          } else if (!WrittenCustomers.written(fields).isEmpty()) {
            updates.put(existing, fields);
          }
        });
    if (!updates.isEmpty()) {
      written.record(store, updates);
      customers
          .updateCustomers(store, updates)
          .forEach(
              (customerId, failure) ->
                  found.forEach(
                      (email, id) -> {
                        if (id.equals(customerId)) {
                          failed.put(email, failure);
                        }
                      }));
    }
    CustomerWriter.Created created =
        toCreate.isEmpty()
            ? new CustomerWriter.Created(Map.of(), Map.of())
            : customers.createCustomers(store, toCreate);
    failed.putAll(created.failed());
    Map<Long, CustomerFields> made = new LinkedHashMap<>();
    created.ids().forEach((email, id) -> made.put(id, toCreate.get(email)));
    // Recorded after the answer (the id is not known before): the store/customer/created webhook
    // of our own creation is then recognised as an echo (CustomerEchoes).
    written.record(store, made);
    Map<String, Long> ids = new HashMap<>(found);
    ids.putAll(created.ids());
    return linkBack(store, emails, ids, failed, outcomes);
  }

  /** Writes each Contact's new link, and answers every item. */
  private Map<Long, Outcome> linkBack(
      String store,
      Map<WorkItem, String> emails,
      Map<String, Long> ids,
      Map<String, WriteFailure> failed,
      Map<Long, Outcome> outcomes) {
    List<RecordWrite> links = new java.util.ArrayList<>();
    emails.forEach(
        (item, email) -> {
          WriteFailure failure = failed.get(email);
          Long id = ids.get(email);
          if (failure != null || id == null) {
            String why = failure == null ? "no customer id in the answer" : failure.message();
            outcomes.put(
                item.id(),
                failure == null || failure.retryable()
                    ? Outcome.retry(why)
                    : Outcome.permanent(why));
            return;
          }
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put("Id", item.entity().id());
          fields.put(ContactChange.LINK, store + ":" + id);
          links.add(RecordWrite.update(item.id(), ContactFlow.OBJECT, fields));
        });
    if (!links.isEmpty()) {
      Map<Long, Outcome> written = salesforce.write(links).outcomes();
      links.forEach(
          l -> outcomes.put(l.workItemId(), written.getOrDefault(l.workItemId(), Outcome.SUCCESS)));
    }
    return outcomes;
  }

  /** A new customer needs its names (BigCommerce requires both), whoever owns them later. */
  private static CustomerFields withNames(
      CustomerFields fields,
      Map<WorkItem, Map<String, String>> unlinked,
      Map<WorkItem, String> emails,
      String email) {
    Map<String, String> contact =
        unlinked.get(
            emails.entrySet().stream()
                .filter(e -> e.getValue().equals(email))
                .reduce((a, b) -> b)
                .orElseThrow()
                .getKey());
    return fields.withNames(
        ContactChange.value(contact.get(ContactChange.FIRST_NAME)),
        ContactChange.value(contact.get(ContactChange.LAST_NAME)));
  }

  /** Bad data for a new customer: names BigCommerce refuses, an e-mail it cannot hold. */
  private static Outcome newCustomerRefused(String id, String email, Map<String, String> contact) {
    if (email.length() > 255 || !email.contains("@")) {
      return Outcome.permanent(
          "Contact " + id + " has an e-mail BigCommerce cannot hold (3-255 characters with an @)");
    }
    Outcome bad =
        ContactChange.badName(
            id, "first name", ContactChange.value(contact.get(ContactChange.FIRST_NAME)));
    return bad != null
        ? bad
        : ContactChange.badName(
            id, "last name", ContactChange.value(contact.get(ContactChange.LAST_NAME)));
  }
}
