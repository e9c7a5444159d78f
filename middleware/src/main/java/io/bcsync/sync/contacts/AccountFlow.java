package io.bcsync.sync.contacts;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.FollowUpWork;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.changes.SalesforceChangeFlow;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>A company Account renamed → its Contacts' linked customers.</b> A customer's company is its
 * Contact's Account name ({@link ContactChange}), so an Account change that names {@code Name} (or
 * states the whole record: create, undelete, GAP, reconciliation, PUSH) enqueues a work item for
 * each of its Contacts linked to a BigCommerce customer ({@code BC_Customer_Id__c}); the Contact
 * flow then writes the Salesforce-owned fields of each (company among them where Salesforce owns
 * it), in its usual batches. Per batch of Accounts: one query re-reads them, one finds their
 * Contacts (per 100 Accounts), one reads which of those are linked. A household Account (keyed with
 * {@code BC_Account_Key__c} by the forward sync) is named after its person, not a company: it is
 * SKIPPED. A retry after a crash enqueues the Contacts again, which only writes the same values
 * again.
 */
// Salesforce-origin items exist only with Salesforce configured; without it this flow's ports do
// not either.
@Requires(condition = SalesforceConfigured.class)
@Singleton
public class AccountFlow implements Flow {
  public static final String OBJECT = "Account";
  static final String RENAMED_SCOPE = "salesforce/account/RENAMED";
  private static final String NAME = "Name";
  private static final String HOUSEHOLD_KEY = "BC_Account_Key__c";
  private static final String UPDATE = "UPDATE";

  private final SalesforceRecords salesforce;
  private final SalesforceChangeFlow changes;
  private final ItemEvents events;
  private final FollowUpWork followUps;

  public AccountFlow(
      SalesforceRecords salesforce,
      SalesforceChangeFlow changes,
      ItemEvents events,
      FollowUpWork followUps) {
    this.salesforce = salesforce;
    this.changes = changes;
    this.events = events;
    this.followUps = followUps;
  }

  @Override
  public String name() {
    return "salesforce-accounts";
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
    Map<String, Map<String, String>> accounts =
        salesforce.read(
            OBJECT,
            List.of(NAME, HOUSEHOLD_KEY),
            items.stream().map(i -> i.entity().id()).toList());
    Map<Long, Outcome> outcomes = new HashMap<>();
    List<WorkItem> renamed = new ArrayList<>();
    for (WorkItem item : items) {
      String id = item.entity().id();
      Map<String, String> account = accounts.get(id);
      boolean whole = !SalesforceChangeFlow.changeTypes(item.scopes()).equals(Set.of(UPDATE));
      if (account == null) {
        outcomes.put(item.id(), Outcome.skipped("Account " + id + " no longer exists"));
      } else if (account.get(HOUSEHOLD_KEY) != null) {
        outcomes.put(
            item.id(),
            Outcome.skipped(
                "Account " + id + " is a customer's household Account: it names no company"));
      } else if (!whole
          && !SalesforceChangeFlow.fieldsNamed(byItem.getOrDefault(item.id(), List.of()))
              .contains(NAME)) {
        outcomes.put(
            item.id(), Outcome.skipped("the change of Account " + id + " does not rename it"));
      } else {
        renamed.add(item);
      }
    }
    if (renamed.isEmpty()) {
      return outcomes;
    }
    Map<String, List<String>> contactsByAccount =
        salesforce.idsByKey(
            "Contact", "AccountId", renamed.stream().map(i -> i.entity().id()).toList());
    List<String> contactIds = contactsByAccount.values().stream().flatMap(List::stream).toList();
    Map<String, Map<String, String>> links =
        contactIds.isEmpty()
            ? Map.of()
            : salesforce.read(ContactFlow.OBJECT, List.of(ContactChange.LINK), contactIds);
    List<IncomingEvent> work = new ArrayList<>();
    Map<WorkItem, Integer> queued = new LinkedHashMap<>();
    for (WorkItem item : renamed) {
      String orgId = item.entity().storeHash().substring(EntityRef.SALESFORCE_PREFIX.length());
      int linked = 0;
      for (String contact : contactsByAccount.getOrDefault(item.entity().id(), List.of())) {
        Map<String, String> link = links.get(contact);
        if (link != null && link.get(ContactChange.LINK) != null) {
          work.add(
              FollowUpWork.event(
                  EntityRef.salesforce(orgId, ContactFlow.OBJECT, contact),
                  RENAMED_SCOPE,
                  "{\"account\":\"" + item.entity().id() + "\"}"));
          linked++;
        }
      }
      queued.put(item, linked);
    }
    followUps.enqueue(work);
    queued.forEach(
        (item, linked) ->
            outcomes.put(
                item.id(),
                linked == 0
                    ? Outcome.skipped(
                        "no Contact of Account "
                            + item.entity().id()
                            + " is linked to a BigCommerce customer")
                    : Outcome.SUCCESS));
    return outcomes;
  }
}
