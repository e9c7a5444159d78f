package io.bcsync.testsupport.ports;

import io.bcsync.sfdx.MetadataXml;
import io.bcsync.sfdx.ObjectDirectory;
import io.bcsync.sfdx.SfdxSourceTree;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the in-memory org knows of its objects: the package's external id fields and lookups (read
 * from the SFDX source, so the fake cannot drift from what is deployed), and the handful of
 * standard-object rules an order sync runs into (required fields, create-only fields, lookups).
 * Field names are not checked: the sync mapping is validated against the package at startup.
 */
final class OrgSchema {
  /** Key prefixes of the standard objects the sync writes; custom objects get {@code a0x}. */
  private static final Map<String, String> PREFIXES =
      Map.ofEntries(
          Map.entry("Account", "001"),
          Map.entry("Contact", "003"),
          Map.entry("Lead", "00Q"),
          Map.entry("Opportunity", "006"),
          Map.entry("OpportunityLineItem", "00k"),
          Map.entry("Pricebook2", "01s"),
          Map.entry("Product2", "01t"),
          Map.entry("PricebookEntry", "01u"),
          Map.entry("Order", "801"),
          Map.entry("OrderItem", "802"),
          // What order rules write (campaign enrolment, Cases) and read (Queues).
          Map.entry("Campaign", "701"),
          Map.entry("CampaignMember", "00v"),
          Map.entry("Case", "500"),
          Map.entry("Group", "00G"));

  /** Required on create, per the object reference (../shared/reference/salesforce.md E.1-E.6). */
  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "Account", List.of("Name"),
          "Contact", List.of("LastName"),
          "Lead", List.of("LastName", "Company"),
          "Order", List.of("AccountId", "EffectiveDate", "Status"),
          "OrderItem", List.of("OrderId", "PricebookEntryId", "Quantity", "UnitPrice"),
          "Opportunity", List.of("Name", "StageName", "CloseDate"),
          "OpportunityLineItem", List.of("OpportunityId", "PricebookEntryId", "Quantity"),
          "Product2", List.of("Name"),
          "PricebookEntry", List.of("Pricebook2Id", "Product2Id", "UnitPrice"));

  /**
   * Settable on create only: sent on an update (or an upsert matching a record) they fail the
   * record with INVALID_FIELD_FOR_INSERT_UPDATE even when unchanged
   * (../shared/reference/salesforce.md G).
   */
  private static final Map<String, Set<String>> CREATE_ONLY =
      Map.of(
          "OrderItem", Set.of("OrderId", "PricebookEntryId", "Product2Id"),
          "OpportunityLineItem", Set.of("OpportunityId", "PricebookEntryId", "Product2Id"),
          // The primary contact: "can only be populated when it's created" (Object Reference).
          "Opportunity", Set.of("ContactId"),
          "PricebookEntry", Set.of("Pricebook2Id", "Product2Id"));

  private static final Map<String, String> STANDARD_LOOKUPS =
      Map.of(
          "AccountId", "Account",
          "ContactId", "Contact",
          "OrderId", "Order",
          "OpportunityId", "Opportunity",
          "PricebookEntryId", "PricebookEntry",
          "Pricebook2Id", "Pricebook2",
          "Product2Id", "Product2");

  private final Map<String, Set<String>> externalIds = new HashMap<>();
  private final Map<String, Map<String, String>> customLookups = new HashMap<>();
  private final Map<String, Set<String>> createOnly = new HashMap<>();
  private final Map<String, String> customPrefixes = new HashMap<>();

  private OrgSchema() {}

  static OrgSchema fromPackage(Path sourceRoot) {
    OrgSchema schema = new OrgSchema();
    CREATE_ONLY.forEach((object, fields) -> schema.createOnly.put(object, new HashSet<>(fields)));
    for (ObjectDirectory object : SfdxSourceTree.at(sourceRoot).objects()) {
      if (object.name().endsWith("__c") || object.name().endsWith("__e")) {
        // a00, a01, ...: what matters is that each custom object has a prefix of its own.
        schema.customPrefixes.putIfAbsent(
            object.name(), "a0" + Character.forDigit(schema.customPrefixes.size(), 36));
      }
      for (Path file : object.fieldFiles()) {
        schema.readField(object.name(), MetadataXml.read(file));
      }
    }
    return schema;
  }

  private void readField(String object, MetadataXml field) {
    String name = field.text("fullName").orElseThrow();
    if (field.flag("externalId")) {
      externalIds.computeIfAbsent(object, o -> new HashSet<>()).add(name);
    }
    String type = field.text("type").orElse("");
    if (type.equals("Lookup") || type.equals("MasterDetail")) {
      customLookups
          .computeIfAbsent(object, o -> new HashMap<>())
          .put(name, field.text("referenceTo").orElseThrow());
    }
    if (type.equals("MasterDetail") && !field.flag("reparentableMasterDetail")) {
      createOnly.computeIfAbsent(object, o -> new HashSet<>()).add(name);
    }
  }

  String prefix(String object) {
    String prefix = PREFIXES.getOrDefault(object, customPrefixes.get(object));
    if (prefix == null) {
      throw new IllegalArgumentException("the in-memory org has no object " + object);
    }
    return prefix;
  }

  /** The object an id belongs to, by its key prefix; null for an id of no known object. */
  String objectOf(String id) {
    if (id == null || id.length() < 3) {
      return null;
    }
    String prefix = id.substring(0, 3);
    for (Map.Entry<String, String> e : PREFIXES.entrySet()) {
      if (e.getValue().equals(prefix)) {
        return e.getKey();
      }
    }
    for (Map.Entry<String, String> e : customPrefixes.entrySet()) {
      if (e.getValue().equals(prefix)) {
        return e.getKey();
      }
    }
    return null;
  }

  /**
   * Whether the field is one of the object's external ids. Every external id of the package is also
   * Unique and case-insensitive (their field files say so), so this one set serves upsert matching
   * and the unique check alike.
   */
  boolean isExternalId(String object, String field) {
    return externalIds.getOrDefault(object, Set.of()).contains(field);
  }

  Set<String> externalIds(String object) {
    return externalIds.getOrDefault(object, Set.of());
  }

  List<String> required(String object) {
    return REQUIRED.getOrDefault(object, List.of());
  }

  Set<String> createOnly(String object) {
    return createOnly.getOrDefault(object, Set.of());
  }

  /** The object a lookup field points at, or null when the field is not a lookup. */
  String lookupTarget(String object, String field) {
    String custom = customLookups.getOrDefault(object, Map.of()).get(field);
    return custom != null ? custom : STANDARD_LOOKUPS.get(field);
  }

  /**
   * The lookup field behind a relationship name: {@code Account} → {@code AccountId}, {@code
   * BC_Order__r} → {@code BC_Order__c}.
   */
  static String lookupField(String relationship) {
    return relationship.endsWith("__r")
        ? relationship.substring(0, relationship.length() - 1) + "c"
        : relationship + "Id";
  }
}
