package io.bcsync.sync.rules;

import java.util.Map;

/**
 * One Case to open or update.
 *
 * @param key {@code BC_Case_Key__c}: {@code {store}:{orderId}:{reason}}
 * @param fields what every write sets (subject, description, links, reason): the order's latest
 *     context
 * @param onCreate what only a new Case gets (Origin, Priority, Type), so an agent's triage of an
 *     open Case is not undone by the order's next event
 * @param queue the Queue (DeveloperName) a new Case is owned by; null for Salesforce's default
 */
public record CaseRequest(
    String key, Map<String, Object> fields, Map<String, Object> onCreate, String queue) {
  public CaseRequest {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    onCreate = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(onCreate));
  }
}
