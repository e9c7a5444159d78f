package io.bcsync.sync.customers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The customer group name a customer's Contact and household Account carry ({@code
 * BC_Customer_Group_Name__c}), when the org has that field.
 */
public interface GroupNames {
  /** Writes no group name: for an org without the field, and for planners tested alone. */
  GroupNames NONE = (storeHash, object, document, fields) -> {};

  /**
   * Puts the group name of the customer in {@code document} (its {@code
   * customer.customer_group_id}) into {@code fields} when {@code object} has the field and the
   * customer is in a group.
   */
  void add(String storeHash, String object, JsonNode document, Map<String, Object> fields);
}
