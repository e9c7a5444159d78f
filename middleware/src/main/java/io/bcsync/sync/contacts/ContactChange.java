package io.bcsync.sync.contacts;

import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.changes.SalesforceChangeFlow;
import io.bcsync.sync.mapping.ReverseMapping;
import io.bcsync.sync.port.CustomerWriter.CustomerFields;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one Contact item asks of its linked BigCommerce customer: the Salesforce-owned fields
 * ({@code bcsync.sync.reverse.customer-fields}) that are news. An item made only of update events
 * writes the fields their {@code changedFields} name; a create, undelete, GAP event, reconciliation
 * or PUSH states the whole record. When the store maps segments to customer groups (U7), the
 * segment field's value sets the customer's group; a value the table lacks is bad data. Bad data
 * refuses the whole item, unsent.
 *
 * @param storeHash the store of the linked customer
 * @param customerId the linked customer
 * @param fields what to set; null fields are not written
 */
record ContactChange(String storeHash, long customerId, CustomerFields fields) {
  static final String LINK = "BC_Customer_Id__c";
  static final String FIRST_NAME = "FirstName";
  static final String LAST_NAME = "LastName";
  static final String PHONE = "Phone";
  static final String ACCOUNT = "AccountId";
  static final String ACCOUNT_NAME = "Account.Name";
  static final String ACCOUNT_KEY = "Account.BC_Account_Key__c";
  static final List<String> READ =
      List.of(
          LINK,
          FIRST_NAME,
          LAST_NAME,
          PHONE,
          ACCOUNT,
          ACCOUNT_NAME,
          ACCOUNT_KEY,
          io.bcsync.sync.changes.SeenRecords.MODSTAMP);

  /**
   * BigCommerce's limits ({@code customer_Put} in the customers V3 spec: names 1–100, phone ≤ 50,
   * company ≤ 255).
   */
  static final int MAX_NAME = 100;

  static final int MAX_PHONE = 50;
  static final int MAX_COMPANY = 255;

  private static final String UPDATE = "UPDATE";

  /** What one item decides: a change to write, or the outcome that ends it (one of the two). */
  record Decision(ContactChange change, Outcome outcome) {}

  static Decision of(
      WorkItem item,
      List<ItemEvents.ItemEvent> events,
      Map<String, String> contact,
      Function<String, List<String>> ownedIn,
      Function<String, ReverseMapping> stores) {
    String id = item.entity().id();
    if (contact == null) {
      return end(Outcome.skipped("Contact " + id + " no longer exists"));
    }
    String link = contact.get(LINK);
    if (link == null) {
      // Never creates a BigCommerce customer: a Contact without a link has none to update.
      return end(Outcome.skipped("Contact " + id + " is not linked to a BigCommerce customer"));
    }
    int colon = link.lastIndexOf(':');
    if (colon < 1 || !link.substring(colon + 1).matches("[1-9]\\d{0,17}")) {
      return end(
          Outcome.permanent(
              "Contact " + id + " has a " + LINK + " that is not {storeHash}:{id}: " + link));
    }
    List<String> owned = ownedIn.apply(link.substring(0, colon));
    boolean whole = !SalesforceChangeFlow.changeTypes(item.scopes()).equals(Set.of(UPDATE));
    Set<String> changed = SalesforceChangeFlow.fieldsNamed(events);
    String first = null;
    String last = null;
    String phone = null;
    String company = null;
    if (owned.contains("first_name") && (whole || named(changed, FIRST_NAME))) {
      first = value(contact.get(FIRST_NAME));
      if (first.isBlank()) {
        // Salesforce requires only a last name; BigCommerce requires both (1–100 characters).
        return end(
            Outcome.permanent("Contact " + id + " has no first name; BigCommerce needs one"));
      }
      if (first.length() > MAX_NAME) {
        return end(tooLong(id, "first name", first, MAX_NAME));
      }
    }
    if (owned.contains("last_name") && (whole || named(changed, LAST_NAME))) {
      last = value(contact.get(LAST_NAME));
      if (last.isBlank()) {
        return end(Outcome.permanent("Contact " + id + " has no last name; BigCommerce needs one"));
      }
      if (last.length() > MAX_NAME) {
        return end(tooLong(id, "last name", last, MAX_NAME));
      }
    }
    if (owned.contains("phone") && (whole || changed.contains(PHONE))) {
      // An emptied phone is sent empty: null would keep the old number.
      phone = value(contact.get(PHONE));
      if (phone.length() > MAX_PHONE) {
        return end(tooLong(id, "phone", phone, MAX_PHONE));
      }
    }
    if (owned.contains("company") && (whole || changed.contains(ACCOUNT))) {
      company = company(contact);
      if (company.length() > MAX_COMPANY) {
        return end(tooLong(id, "company (Account name)", company, MAX_COMPANY));
      }
    }
    String storeHash = link.substring(0, colon);
    ReverseMapping segments = stores.apply(storeHash);
    Long group = null;
    if (!segments.groups().isEmpty() && (whole || changed.contains(segments.segmentField()))) {
      String segment = contact.get(segments.segmentField());
      if (segment != null && !segment.isBlank()) {
        group = segments.groups().get(segment);
        if (group == null) {
          return end(
              Outcome.permanent(
                  "Contact "
                      + id
                      + " has "
                      + segments.segmentField()
                      + " '"
                      + segment
                      + "', which names no BigCommerce customer group in store "
                      + storeHash
                      + "'s mapping (segments.groups: "
                      + new TreeSet<>(segments.groups().keySet())
                      + ")"));
        }
      }
    }
    CustomerFields fields = new CustomerFields(first, last, phone, company, group);
    if (WrittenCustomers.written(fields).isEmpty()) {
      return end(
          Outcome.skipped(
              "the change touches no customer field Salesforce owns "
                  + owned
                  + (segments.groups().isEmpty() ? "" : " nor " + segments.segmentField())
                  + " ("
                  + LINK
                  + ")"));
    }
    long customerId = Long.parseLong(link.substring(colon + 1));
    return new Decision(new ContactChange(storeHash, customerId, fields), null);
  }

  /**
   * The fields to read: the identity fields and the segment field of every store that maps segments
   * to groups (one query for the batch, whichever store each Contact is linked to).
   */
  static List<String> fieldsToRead(List<ReverseMapping> stores) {
    Set<String> fields = new LinkedHashSet<>(READ);
    stores.stream().filter(s -> !s.groups().isEmpty()).forEach(s -> fields.add(s.segmentField()));
    return List.copyOf(fields);
  }

  /**
   * The company is the Contact's Account name only when that Account is a company: a B2C customer's
   * one-person ("household") Account, which the forward sync keys with {@code BC_Account_Key__c},
   * is named after the person, not a company; so is no Account at all. Those write an empty
   * company.
   */
  static String company(Map<String, String> contact) {
    if (contact.get(ACCOUNT) == null || contact.get(ACCOUNT_KEY) != null) {
      return "";
    }
    return value(contact.get(ACCOUNT_NAME));
  }

  /** CDC names a compound name's parts {@code Name.FirstName}; accept either spelling. */
  private static boolean named(Set<String> changed, String part) {
    return changed.contains(part) || changed.contains("Name." + part) || changed.contains("Name");
  }

  private static String value(String value) {
    return value == null ? "" : value;
  }

  private static Outcome tooLong(String id, String what, String value, int max) {
    return Outcome.permanent(
        "Contact "
            + id
            + " has a "
            + what
            + " of "
            + value.length()
            + " characters; BigCommerce allows "
            + max);
  }

  private static Decision end(Outcome outcome) {
    return new Decision(null, outcome);
  }
}
