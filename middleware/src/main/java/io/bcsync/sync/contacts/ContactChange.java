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
  static final String EMAIL = "Email";
  static final String FIRST_NAME = "FirstName";
  static final String LAST_NAME = "LastName";
  static final String PHONE = "Phone";
  static final String ACCOUNT = "AccountId";
  static final String ACCOUNT_NAME = "Account.Name";
  static final String ACCOUNT_KEY = "Account.BC_Account_Key__c";
  static final List<String> READ =
      List.of(
          LINK,
          EMAIL,
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
      // No customer to update; only a store that creates customers makes one (CustomerCreation,
      // which the flow asks first).
      return end(Outcome.skipped("Contact " + id + " is not linked to a BigCommerce customer"));
    }
    int colon = link.lastIndexOf(':');
    if (colon < 1 || !link.substring(colon + 1).matches("[1-9]\\d{0,17}")) {
      return end(
          Outcome.permanent(
              "Contact " + id + " has a " + LINK + " that is not {storeHash}:{id}: " + link));
    }
    String storeHash = link.substring(0, colon);
    long customerId = Long.parseLong(link.substring(colon + 1));
    boolean whole = !SalesforceChangeFlow.changeTypes(item.scopes()).equals(Set.of(UPDATE));
    Decision decision =
        fields(
            id,
            contact,
            ownedIn.apply(storeHash),
            stores.apply(storeHash),
            storeHash,
            whole,
            SalesforceChangeFlow.fieldsNamed(events));
    if (decision.change() == null) {
      return decision;
    }
    return new Decision(new ContactChange(storeHash, customerId, decision.change().fields()), null);
  }

  /**
   * The Salesforce-owned fields of a Contact to write to its customer in a store: those {@code
   * changed} names, or all of them for a {@code whole} record; the change's customer id is 0.
   */
  static Decision fields(
      String id,
      Map<String, String> contact,
      List<String> owned,
      ReverseMapping segments,
      String storeHash,
      boolean whole,
      Set<String> changed) {
    String first = null;
    String last = null;
    String phone = null;
    String company = null;
    if (owned.contains("first_name") && (whole || named(changed, FIRST_NAME))) {
      first = value(contact.get(FIRST_NAME));
      Outcome bad = badName(id, "first name", first);
      if (bad != null) {
        return end(bad);
      }
    }
    if (owned.contains("last_name") && (whole || named(changed, LAST_NAME))) {
      last = value(contact.get(LAST_NAME));
      Outcome bad = badName(id, "last name", last);
      if (bad != null) {
        return end(bad);
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
    String notes = mapped("notes", contact, owned, segments, whole, changed);
    String taxCategory = mapped("tax_exempt_category", contact, owned, segments, whole, changed);
    if (taxCategory != null && taxCategory.length() > MAX_COMPANY) {
      return end(tooLong(id, "tax-exempt category", taxCategory, MAX_COMPANY));
    }
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
    CustomerFields fields =
        new CustomerFields(first, last, phone, company, group).withMapped(notes, taxCategory);
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
    return new Decision(new ContactChange(storeHash, 0, fields), null);
  }

  /**
   * A customer field mapped from a Contact field ({@code customers.fields}; notes default to the
   * Description) when Salesforce owns it and the change names its source; emptied is sent empty.
   */
  private static String mapped(
      String field,
      Map<String, String> contact,
      List<String> owned,
      ReverseMapping mapping,
      boolean whole,
      Set<String> changed) {
    String source = mapping.customers().source(field);
    if (!owned.contains(field) || source == null || !(whole || changed.contains(source))) {
      return null;
    }
    return value(contact.get(source));
  }

  /** BigCommerce requires both names, 1–100 characters (Salesforce only a last name). */
  static Outcome badName(String id, String what, String name) {
    if (name.isBlank()) {
      return Outcome.permanent("Contact " + id + " has no " + what + "; BigCommerce needs one");
    }
    return name.length() > MAX_NAME ? tooLong(id, what, name, MAX_NAME) : null;
  }

  /**
   * The fields to read: the identity fields and the segment field of every store that maps segments
   * to groups (one query for the batch, whichever store each Contact is linked to).
   */
  static List<String> fieldsToRead(List<ReverseMapping> stores) {
    return fieldsToRead(stores, List.of());
  }

  /** The same, with the Contact fields mapped customer fields come from ({@code customers:}). */
  static List<String> fieldsToRead(List<ReverseMapping> stores, List<String> mappedSources) {
    Set<String> fields = new LinkedHashSet<>(READ);
    stores.stream().filter(s -> !s.groups().isEmpty()).forEach(s -> fields.add(s.segmentField()));
    fields.addAll(mappedSources);
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

  static String value(String value) {
    return value == null ? "" : value;
  }

  static Outcome tooLong(String id, String what, String value, int max) {
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
