package io.bcsync.sync.rules;

import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.mapping.SourceDocuments;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.rules.OrderRulesStep.RuleOrder;
import io.bcsync.sync.stores.StoreLinks;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code high_value_opportunity} action: each order gets an Opportunity, upserted by {@code
 * Opportunity.BC_Order_Id__c} with the store's {@code Opportunity} mapping (the header the
 * Opportunity order target writes, without lines: the order's lines live on its Order or
 * BC_Order__c). Same key and fields as that target, so a replay, a lost answer or a later switch of
 * the target converges on one Opportunity. For a store whose orders are Opportunities already the
 * order's own record is the answer, at no call.
 */
@Singleton
public class HighValueOpportunities {
  static final String OBJECT = "Opportunity";
  static final String KEY = "BC_Order_Id__c";

  private final SalesforceRecords salesforce;
  private final Provider<SyncConfigs> configs;
  private final Provider<StoreLinks> stores;

  public HighValueOpportunities(
      SalesforceRecords salesforce, Provider<SyncConfigs> configs, Provider<StoreLinks> stores) {
    this.salesforce = salesforce;
    this.configs = configs;
    this.stores = stores;
  }

  /** Opportunity ids by item id, and the failures of the orders that could not get one. */
  public record Result(Map<Long, String> ids, Map<Long, CampaignEnrolments.Failure> failed) {}

  /** Makes sure each order has its Opportunity: one query and one upsert call per 200 orders. */
  public Result ensure(String storeHash, List<RuleOrder> orders) {
    Map<Long, String> ids = new HashMap<>();
    Map<Long, CampaignEnrolments.Failure> failed = new HashMap<>();
    Map<Long, Map<String, Object>> headers = new LinkedHashMap<>();
    Map<Long, RuleOrder> byItem = new HashMap<>();
    SyncConfigs.Loaded cfg = null;
    for (RuleOrder o : orders) {
      if (OBJECT.equals(o.orderObject()) && o.orderRecordId() != null) {
        ids.put(o.itemId(), o.orderRecordId());
        continue;
      }
      if (cfg == null) {
        cfg = configs.get().forStore(storeHash);
      }
      try {
        Map<String, Object> header =
            new LinkedHashMap<>(
                cfg.mapper()
                    .mapOrder(OBJECT, SourceDocuments.order(storeHash, o.order(), Map.of()))
                    .header()
                    .fields());
        if (header.get(KEY) == null) {
          failed.put(
              o.itemId(),
              new CampaignEnrolments.Failure(
                  "Opportunity." + KEY + " is not mapped: it could not be upserted once", true));
          continue;
        }
        if (o.accountId() != null) {
          header.put("AccountId", o.accountId());
        }
        stores.get().link(storeHash, OBJECT, header);
        headers.put(o.itemId(), header);
        byItem.put(o.itemId(), o);
      } catch (RuntimeException e) {
        failed.put(
            o.itemId(),
            new CampaignEnrolments.Failure("mapping the Opportunity: " + e.getMessage(), true));
      }
    }
    if (headers.isEmpty()) {
      return new Result(ids, failed);
    }
    // Salesforce takes an Opportunity's ContactId (its primary contact role) on create only.
    List<String> keys = headers.values().stream().map(h -> h.get(KEY).toString()).toList();
    Map<String, List<String>> existing = salesforce.idsByKey(OBJECT, KEY, keys);
    List<RecordWrite> writes = new ArrayList<>();
    headers.forEach(
        (itemId, header) -> {
          String contact = byItem.get(itemId).contactId();
          if (contact != null && !containsIgnoringCase(existing, header.get(KEY).toString())) {
            header.put("ContactId", contact);
          }
          writes.add(RecordWrite.upsert(itemId, OBJECT, KEY, header));
        });
    for (RecordResult result : salesforce.write(writes).results()) {
      long itemId = result.write().workItemId();
      if (result.success()) {
        ids.put(itemId, result.id());
      } else {
        // Two workers creating the same key at once: the loser's retry updates the winner's.
        boolean raced =
            result.errors().stream()
                .anyMatch(e -> e.statusCode() != null && e.statusCode().startsWith("DUPLICATE_"));
        failed.put(
            itemId,
            new CampaignEnrolments.Failure(
                "Opportunity upsert failed: "
                    + String.join(
                        "; ", result.errors().stream().map(RecordError::toString).toList()),
                !raced && !result.retryable()));
      }
    }
    return new Result(ids, failed);
  }

  private static boolean containsIgnoringCase(Map<String, List<String>> found, String key) {
    return found.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key));
  }
}
