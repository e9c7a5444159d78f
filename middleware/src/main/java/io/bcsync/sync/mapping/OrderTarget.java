package io.bcsync.sync.mapping;

import java.util.Set;

/**
 * Which Salesforce object a store's orders become; its lines go to the {@code order_line} object
 * whose parent it is. The defaults map {@code Order} (OrderItem), {@code Opportunity}
 * (OpportunityLineItem) and {@code BC_Order__c} (BC_Order_Line__c); a custom object works the same
 * way once mapped.
 *
 * @param activateOnStatus BigCommerce status ids whose Orders are set to Activated ({@code
 *     orders.activate_on_status}; only for the Order target); empty = orders stay as mapped (Draft)
 */
public record OrderTarget(String object, Set<Integer> activateOnStatus) {
  public OrderTarget {
    activateOnStatus = Set.copyOf(activateOnStatus);
  }

  public OrderTarget(String object) {
    this(object, Set.of());
  }
}
