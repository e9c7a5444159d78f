package io.bcsync.sync.requests;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.port.StoreReader;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what a sync request is about. A RESYNC names the BigCommerce entity by its store-qualified
 * key in {@code BC_External_Id__c} (as the sync writes it: {@code store:orderId} on an Order,
 * Opportunity or BC_Order__c, {@code store:customerId} on a Contact or Lead, {@code
 * store:customer:customerId} on an Account, {@code store:productId:variantId} on a Product2), or by
 * the Salesforce record in {@code BC_Record_Id__c}, which the identity map links to its entity. A
 * PUSH names the Salesforce record itself.
 */
@Singleton
public class SyncRequestTargets {
  static final Set<String> ORDER_OBJECTS =
      Set.of("Order", "Opportunity", "BC_Order__c", "OrderItem", "BC_Order_Line__c");
  static final Set<String> CUSTOMER_OBJECTS = Set.of("Contact", "Lead");
  private static final String ID = "\\d{1,18}";

  private final IdentityMap identities;
  private final StoreReader stores;

  public SyncRequestTargets(IdentityMap identities, StoreReader stores) {
    this.identities = identities;
    this.stores = stores;
  }

  SyncRequestTarget resolve(String orgId, SyncRequest request) {
    if (request.action() == null) {
      return new SyncRequestTarget.Refused("INVALID_REQUEST", "BC_Action__c is missing");
    }
    return switch (request.action()) {
      case SyncRequest.RESYNC -> connected(resync(request));
      case SyncRequest.PUSH -> push(orgId, request);
      default ->
          new SyncRequestTarget.Refused(
              "INVALID_REQUEST",
              "BC_Action__c must be RESYNC or PUSH; was '" + request.action() + "'");
    };
  }

  private SyncRequestTarget resync(SyncRequest request) {
    if (request.externalId() != null) {
      if (request.sobject() == null) {
        return new SyncRequestTarget.Refused(
            "INVALID_REQUEST", "BC_External_Id__c needs BC_Object_Name__c to say what it keys");
      }
      return byExternalId(request.sobject(), request.externalId());
    }
    if (request.recordId() != null) {
      return byRecordId(request.recordId());
    }
    return new SyncRequestTarget.Refused(
        "INVALID_REQUEST", "a RESYNC names BC_External_Id__c or BC_Record_Id__c");
  }

  /** A key as the sync writes it on the object: store, then the entity's id (or ids). */
  private static SyncRequestTarget byExternalId(String sobject, String externalId) {
    int colon = externalId.indexOf(':');
    if (colon <= 0) {
      return refusedKey(sobject, externalId);
    }
    String store = externalId.substring(0, colon);
    String[] rest = externalId.substring(colon + 1).split(":");
    if (ORDER_OBJECTS.contains(sobject) && rest.length == 1 && rest[0].matches(ID)) {
      return new SyncRequestTarget.Resync(new EntityRef(store, "order", rest[0]));
    }
    if (CUSTOMER_OBJECTS.contains(sobject) && rest.length == 1 && rest[0].matches(ID)) {
      return new SyncRequestTarget.Resync(new EntityRef(store, "customer", rest[0]));
    }
    if ("Account".equals(sobject)
        && rest.length == 2
        && "customer".equals(rest[0])
        && rest[1].matches(ID)) {
      return new SyncRequestTarget.Resync(new EntityRef(store, "customer", rest[1]));
    }
    if ("Product2".equals(sobject) && rest.length == 2 && rest[0].matches(ID)) {
      return new SyncRequestTarget.Resync(new EntityRef(store, "product", rest[0]));
    }
    return refusedKey(sobject, externalId);
  }

  private static SyncRequestTarget refusedKey(String sobject, String externalId) {
    return new SyncRequestTarget.Refused(
        "UNKNOWN_EXTERNAL_ID",
        "'" + externalId + "' is not a BigCommerce key bcsync writes on " + sobject);
  }

  /** The entity the identity map links to the record: an order, a registered customer. */
  private SyncRequestTarget byRecordId(String recordId) {
    List<Identity> linked = identities.bySalesforceId(recordId);
    if (linked.isEmpty()) {
      return new SyncRequestTarget.Refused(
          "UNKNOWN_RECORD", "record " + recordId + " was not written by bcsync");
    }
    Identity identity = linked.get(0);
    return switch (identity.bcType()) {
      case "order", "customer" ->
          new SyncRequestTarget.Resync(
              new EntityRef(identity.storeHash(), identity.bcType(), identity.bcId()));
      case "order_line" ->
          new SyncRequestTarget.Resync(
              new EntityRef(identity.storeHash(), "order", identity.parentBcId()));
      default ->
          new SyncRequestTarget.Refused(
              "NOT_RESYNCABLE",
              "record "
                  + recordId
                  + " is a guest checkout's: BigCommerce has no customer record to read again;"
                  + " resync one of its orders instead");
    };
  }

  /** A resync of a store bcsync cannot read is refused now, not dead-lettered later. */
  private SyncRequestTarget connected(SyncRequestTarget target) {
    if (target instanceof SyncRequestTarget.Resync resync
        && stores.access(resync.entity().storeHash()) != StoreReader.StoreAccess.READABLE) {
      return new SyncRequestTarget.Refused(
          "STORE_NOT_CONNECTED",
          "store " + resync.entity().storeHash() + " is not connected with an API token");
    }
    return target;
  }

  private static SyncRequestTarget push(String orgId, SyncRequest request) {
    Optional<String> missing =
        request.sobject() == null
            ? Optional.of("BC_Object_Name__c")
            : request.recordId() == null ? Optional.of("BC_Record_Id__c") : Optional.empty();
    if (missing.isPresent()) {
      return new SyncRequestTarget.Refused("INVALID_REQUEST", "a PUSH needs " + missing.get());
    }
    if (!request.sobject().matches("[A-Za-z][A-Za-z0-9_]{0,63}")
        || !request.recordId().matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}")) {
      return new SyncRequestTarget.Refused(
          "INVALID_REQUEST", "BC_Object_Name__c or BC_Record_Id__c is not a Salesforce name or id");
    }
    return new SyncRequestTarget.Push(
        EntityRef.salesforce(orgId, request.sobject(), request.recordId()));
  }
}
