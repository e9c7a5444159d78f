package io.bcsync.bench;

import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records in the Salesforce simulator that share an external id with another record of their type:
 * what two instances writing the same order or customer twice would leave behind. Counted from the
 * simulator's records, by every field the schema marks as an external id (BC_Order_Id__c,
 * BC_Customer_Id__c, BC_Account_Key__c ...); blank values are not keys and are not counted.
 */
final class SalesforceDuplicates {
  private SalesforceDuplicates() {}

  /**
   * Per "Type.Field", the records beyond the first with the same value (0 for none); only fields
   * that hold at least one value are listed.
   */
  static Map<String, Integer> count(SalesforceSimulator sf) {
    Map<String, Integer> duplicates = new TreeMap<>();
    for (SObjectType type : sf.schema().types()) {
      var externalIds = type.fields().stream().filter(FieldDef::externalId).toList();
      if (externalIds.isEmpty() || !type.queryable()) {
        continue;
      }
      var records = sf.records(type.name());
      for (FieldDef field : externalIds) {
        Map<String, Integer> byValue = new HashMap<>();
        for (Map<String, Object> record : records) {
          Object value = record.get(field.name());
          if (value != null && !value.toString().isBlank()) {
            byValue.merge(value.toString(), 1, Integer::sum);
          }
        }
        if (!byValue.isEmpty()) {
          int extra = byValue.values().stream().mapToInt(n -> n - 1).sum();
          duplicates.put(type.name() + "." + field.name(), extra);
        }
      }
    }
    return duplicates;
  }

  static int total(Map<String, Integer> duplicates) {
    return duplicates.values().stream().mapToInt(Integer::intValue).sum();
  }
}
