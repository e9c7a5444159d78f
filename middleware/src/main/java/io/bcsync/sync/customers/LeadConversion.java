package io.bcsync.sync.customers;

import java.util.List;
import java.util.Map;

/**
 * Port: converts matched Leads into Contacts (lead_policy {@code convert_lead}). Implemented in
 * {@code io.bcsync.salesforce.lookup}; until that bean exists, customers whose decision is a
 * conversion fail their work item with a clear message instead of being guessed into a new Contact.
 */
public interface LeadConversion {
  /** A converted Lead's new Contact and Account. */
  record Converted(String contactId, String accountId) {}

  /**
   * Converts these Leads (by Lead id), in as few calls as possible; missing from the answer = not
   * converted.
   */
  Map<String, Converted> convert(List<String> leadIds) throws Exception;
}
