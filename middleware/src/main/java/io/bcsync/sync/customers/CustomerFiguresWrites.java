package io.bcsync.sync.customers;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.accounts.CompanyLedger;
import io.bcsync.sync.accounts.CustomerRollup;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of the batch's buyers ({@link CustomerRollup}) as fields of the batch's own Contact
 * and Account writes, so they cost no call of their own: before the write, the buyers' orders are
 * recorded in the ledger by customer key and the figures recomputed from it; a customer whose
 * writes already name its Contact and household Account (new, matched, its record updated) gets the
 * fields added there. A customer linked before, with nothing else to write, is only marked as owed
 * its figures, in the transaction that records its orders: {@link CustomerFiguresFlush} writes the
 * owed figures of many customers per call every flush interval, instead of one Contact and one
 * Account record per buyer and batch (issue 15's call budget, bench/sync-notes.md).
 *
 * <p>After the write, figures that moved meanwhile (another worker recorded an order of the same
 * customer between this batch's reading of the ledger and its write landing) are written again by
 * id: the only figure writes of the batch in calls of their own, and rare.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class CustomerFiguresWrites {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerFiguresWrites.class);

  /** A guest's own records: made for it (or by review), or found again by its own key. */
  private static final Set<String> HOUSEHOLD_MADE_BY = Set.of("created", "review");

  private final CustomerRollup rollup;
  private final SalesforceRecords salesforce;

  public CustomerFiguresWrites(CustomerRollup rollup, SalesforceRecords salesforce) {
    this.rollup = rollup;
    this.salesforce = salesforce;
  }

  /**
   * @param customers the planned customers, the buyers' writes with their figures
   * @param written the figures each buyer's writes carry, by customer key
   * @param later outcomes for order items once their orders are written: retried to fill in top
   *     categories whose names could not be read
   */
  record Attached(
      List<PlannedCustomer> customers,
      Map<String, CompanyLedger.Figures> written,
      Map<Long, Outcome> later) {}

  /**
   * Records the buyers' orders in the ledger and adds their figures to their planned writes; a
   * buyer without a Contact or household Account write to carry them is marked as owed its figures
   * (in the same transaction) and left to the flush job ({@link CustomerFiguresFlush}).
   */
  Attached attach(String storeHash, List<PlannedCustomer> planned) {
    List<CustomerRollup.Buyer> buyers = new ArrayList<>();
    Set<String> owing = new HashSet<>();
    for (PlannedCustomer p : planned) {
      BatchCustomer c = p.customer();
      if (c.forOrder()) {
        buyers.add(
            new CustomerRollup.Buyer(
                c.key(), c.company() == null ? "" : c.company().key(), p.contactId(), orders(c)));
        // A guest on someone else's Contact owes nothing: its figures are not that Contact's.
        if (!carried(p) && ownsItsRecords(p.decided())) {
          owing.add(c.key());
        }
      }
    }
    if (buyers.isEmpty()) {
      return new Attached(planned, Map.of(), Map.of());
    }
    rollup.record(storeHash, buyers, owing);
    if (!rollup.writes("Contact") && !rollup.writes("Account")) {
      return new Attached(planned, Map.of(), Map.of());
    }
    List<String> carried =
        buyers.stream()
            .map(CustomerRollup.Buyer::customerKey)
            .filter(k -> !owing.contains(k))
            .toList();
    List<String> withWrites =
        planned.stream()
            .filter(
                p ->
                    p.customer().forOrder() && !p.writes().isEmpty() && ownsItsRecords(p.decided()))
            .map(p -> p.customer().key())
            .toList();
    if (withWrites.isEmpty()) {
      return new Attached(planned, Map.of(), Map.of());
    }
    CustomerRollup.Computed computed = rollup.compute(storeHash, withWrites);
    List<PlannedCustomer> out = new ArrayList<>();
    Map<String, CompanyLedger.Figures> written = new LinkedHashMap<>();
    Map<Long, Outcome> later = new HashMap<>();
    for (PlannedCustomer p : planned) {
      BatchCustomer c = p.customer();
      if (!c.forOrder() || p.writes().isEmpty() || !ownsItsRecords(p.decided())) {
        // Recorded in the ledger above; a guest's figures are not a foreign Contact's to carry.
        out.add(p);
        continue;
      }
      out.add(p.withWrites(withFigures(p, computed)));
      if (carried.contains(c.key())) {
        written.put(c.key(), computed.sums().get(c.key()));
      }
      if (computed.topError() != null) {
        later.putAll(ordersOf(c, Outcome.retry("top categories: " + computed.topError())));
      }
    }
    return new Attached(out, written, later);
  }

  /**
   * Whether the customer's planned writes carry all its figures: a Contact write, and (without a
   * company, whose Account has the company's figures) a household Account write by its key. A
   * customer linked before, with nothing else to write, has neither: before issue 15's flush it got
   * an upsert of its own in every batch, ~4 calls per batch of 400 orders.
   */
  private boolean carried(PlannedCustomer p) {
    boolean contact = !rollup.writes("Contact");
    boolean account = p.customer().company() != null || !rollup.writes("Account");
    for (RecordWrite w : p.writes()) {
      contact |= w.sobjectType().equals("Contact");
      account |=
          w.sobjectType().equals("Account")
              && CustomerWritePlanner.ACCOUNT_KEY.equals(w.externalIdField());
    }
    return contact && account;
  }

  /**
   * Writes again, by id, the figures of written customers that moved while they were written;
   * answers outcomes for their order items once the orders are written (retry when a rewrite
   * failed).
   */
  Map<Long, Outcome> rewriteMoved(
      String storeHash, Attached attached, Map<String, CustomerLink> links) {
    Map<Long, Outcome> later = new HashMap<>(attached.later());
    Map<String, BatchCustomer> customers = new HashMap<>();
    attached.customers().forEach(p -> customers.put(p.customer().key(), p.customer()));
    Map<String, CompanyLedger.Figures> written = new LinkedHashMap<>();
    for (Map.Entry<String, CompanyLedger.Figures> e : attached.written().entrySet()) {
      if (links.containsKey(e.getKey())) {
        written.put(e.getKey(), e.getValue());
      }
    }
    for (int round = 0; round < rollup.maxRewrites() && !written.isEmpty(); round++) {
      Set<String> moved = rollup.moved(storeHash, written);
      if (moved.isEmpty()) {
        break;
      }
      LOG.debug(
          "Store {}: figures of {} customers changed while they were written; writing again",
          storeHash,
          moved.size());
      CustomerRollup.Computed now = rollup.compute(storeHash, moved);
      List<RecordWrite> writes = new ArrayList<>();
      for (String key : moved) {
        BatchCustomer c = customers.get(key);
        CustomerLink link = links.get(key);
        addById(writes, c.owner(), "Contact", link.contactId(), rollup.fields("Contact", now, key));
        if (c.company() == null) {
          addById(
              writes, c.owner(), "Account", link.accountId(), rollup.fields("Account", now, key));
        }
      }
      WriteReport report = salesforce.write(writes);
      written = new LinkedHashMap<>();
      for (String key : moved) {
        BatchCustomer c = customers.get(key);
        if (report.outcomes().get(c.owner()) instanceof Outcome.Failure failure) {
          later.putAll(ordersOf(c, Outcome.retry("customer figures: " + failure.error())));
        } else {
          written.put(key, now.sums().get(key));
          if (now.topError() != null) {
            later.putAll(ordersOf(c, Outcome.retry("top categories: " + now.topError())));
          }
        }
      }
    }
    return later;
  }

  /**
   * Whether the customer's figures may go on its Contact and household Account. A registered
   * customer owns the Contact it is linked to. A guest owns only the records made for it (created,
   * decided by review, or found again by its own key): a guest matched onto an existing Contact by
   * e-mail or phone, or attached to a registered customer's or another store's Contact, cannot
   * prove it is that person, and its ledger holds only its own guest orders, so writing its figures
   * there would overwrite the owner's.
   */
  static boolean ownsItsRecords(DecidedCustomer d) {
    BatchCustomer c = d.customer();
    if (!c.ref().isGuest()) {
      return true;
    }
    String reason = d.matchReason();
    if (reason == null && c.identity() != null) {
      reason = c.identity().matchedBy();
    }
    return reason != null && (HOUSEHOLD_MADE_BY.contains(reason) || "external_id".equals(reason));
  }

  private List<RecordWrite> withFigures(PlannedCustomer p, CustomerRollup.Computed computed) {
    BatchCustomer c = p.customer();
    Map<String, Object> contact = rollup.fields("Contact", computed, c.key());
    // A company's Account carries the company's figures, not one buyer's.
    Map<String, Object> account =
        c.company() == null ? rollup.fields("Account", computed, c.key()) : Map.of();
    boolean onContact = contact.isEmpty();
    boolean onAccount = account.isEmpty();
    List<RecordWrite> writes = new ArrayList<>();
    for (RecordWrite w : p.writes()) {
      if (!onContact && w.sobjectType().equals("Contact")) {
        writes.add(with(w, contact));
        onContact = true;
      } else if (!onAccount
          && w.sobjectType().equals("Account")
          && CustomerWritePlanner.ACCOUNT_KEY.equals(w.externalIdField())) {
        writes.add(with(w, account));
        onAccount = true;
      } else {
        writes.add(w);
      }
    }
    return writes;
  }

  private static void addById(
      List<RecordWrite> writes, long owner, String object, String id, Map<String, Object> figures) {
    if (id == null || figures.isEmpty()) {
      return;
    }
    Map<String, Object> fields = new LinkedHashMap<>(figures);
    fields.put("Id", id);
    writes.add(RecordWrite.update(owner, object, fields));
  }

  private static RecordWrite with(RecordWrite write, Map<String, Object> figures) {
    Map<String, Object> fields = new LinkedHashMap<>(write.fields());
    fields.putAll(figures);
    return new RecordWrite(
        write.workItemId(),
        write.sobjectType(),
        write.operation(),
        write.externalIdField(),
        fields);
  }

  private static List<JsonNode> orders(BatchCustomer c) {
    return c.needs().stream()
        .filter(CustomerNeed::forOrder)
        .map(n -> n.ref().document().path("order"))
        .toList();
  }

  private static Map<Long, Outcome> ordersOf(BatchCustomer c, Outcome outcome) {
    Map<Long, Outcome> out = new HashMap<>();
    c.needs().stream().filter(CustomerNeed::forOrder).forEach(n -> out.put(n.itemId(), outcome));
    return out;
  }
}
