package io.bcsync.sync.customers;

import io.bcsync.sync.accounts.CompanyRules;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.review.Reviews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A distinct customer of a batch, merged over every item that needs it, so each customer is matched
 * and written once however many of the batch's orders name it.
 *
 * @param ref the fullest view of the customer: its own record when one of the items is its customer
 *     item, else the first order's billing address
 * @param owner the item whose writes carry the customer (and whose failure is the customer's)
 * @param forOrder some item is an order: the customer must end as a Contact with an Account
 * @param customerItem the customer's own record is in the batch: its fields are written
 * @param company its B2B company, or null
 * @param identity what the identity map linked it to before this batch, or null
 */
public record BatchCustomer(
    CustomerRef ref,
    List<CustomerNeed> needs,
    long owner,
    boolean forOrder,
    boolean customerItem,
    CompanyRules.Company company,
    Identity identity) {

  public BatchCustomer {
    needs = List.copyOf(needs);
  }

  public String key() {
    return ref.key();
  }

  public boolean linked() {
    return identity != null;
  }

  public BatchCustomer withCompany(CompanyRules.Company company) {
    return new BatchCustomer(ref, needs, owner, forOrder, customerItem, company, identity);
  }

  public BatchCustomer withIdentity(Identity identity) {
    return new BatchCustomer(ref, needs, owner, forOrder, customerItem, company, identity);
  }

  /** The entities a review holds back for this customer: its own record and its orders. */
  public List<Reviews.Held> held() {
    return needs.stream()
        .map(
            n ->
                n.forOrder()
                    ? new Reviews.Held(
                        "order", n.ref().document().path("order").path("id").asText())
                    : new Reviews.Held("customer", ref.bcId()))
        .distinct()
        .toList();
  }

  /** The batch's needs merged into one entry per customer key, in first-seen order. */
  public static List<BatchCustomer> merge(List<CustomerNeed> needs) {
    Map<String, List<CustomerNeed>> byKey = new LinkedHashMap<>();
    needs.forEach(n -> byKey.computeIfAbsent(n.ref().key(), k -> new ArrayList<>()).add(n));
    List<BatchCustomer> customers = new ArrayList<>();
    for (List<CustomerNeed> same : byKey.values()) {
      CustomerNeed fullest = same.get(0);
      for (CustomerNeed need : same) {
        // The customer's own record says more than an order's billing address: it owns the writes.
        if (need.ref().fromCustomerRecord() && !fullest.ref().fromCustomerRecord()) {
          fullest = need;
        }
      }
      boolean forOrder = same.stream().anyMatch(CustomerNeed::forOrder);
      boolean customerItem = same.stream().anyMatch(n -> n.ref().fromCustomerRecord());
      customers.add(
          new BatchCustomer(
              fullest.ref(), same, fullest.itemId(), forOrder, customerItem, null, null));
    }
    return customers;
  }
}
