package io.bcsync.sync.mapping;

/**
 * Which Salesforce object a store's orders become; its lines go to the {@code order_line} object whose parent it is.
 * The defaults map {@code Order} (OrderItem), {@code Opportunity} (OpportunityLineItem) and {@code BC_Order__c}
 * (BC_Order_Line__c); a custom object works the same way once mapped.
 */
public record OrderTarget(String object) {}
