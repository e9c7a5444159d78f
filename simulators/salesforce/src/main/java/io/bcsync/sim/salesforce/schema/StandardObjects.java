package io.bcsync.sim.salesforce.schema;

import static io.bcsync.sim.salesforce.schema.FieldType.BOOLEAN;
import static io.bcsync.sim.salesforce.schema.FieldType.CURRENCY;
import static io.bcsync.sim.salesforce.schema.FieldType.DATE;
import static io.bcsync.sim.salesforce.schema.FieldType.DOUBLE;
import static io.bcsync.sim.salesforce.schema.FieldType.EMAIL;
import static io.bcsync.sim.salesforce.schema.FieldType.INT;
import static io.bcsync.sim.salesforce.schema.FieldType.PERCENT;
import static io.bcsync.sim.salesforce.schema.FieldType.PHONE;
import static io.bcsync.sim.salesforce.schema.FieldType.PICKLIST;
import static io.bcsync.sim.salesforce.schema.FieldType.STRING;
import static io.bcsync.sim.salesforce.schema.FieldType.TEXTAREA;
import static io.bcsync.sim.salesforce.schema.FieldType.URL;

import io.bcsync.sim.salesforce.schema.SObjectType.Kind;

/**
 * The standard objects an order sync touches, with the fields and required-field rules of the
 * object reference. Only fields the sync plausibly reads or writes are modelled; any other name is
 * INVALID_FIELD, as a field hidden from the integration user would be. Child relationship names
 * (Order's OrderItems, Account's Contacts...) are those the Object Reference lists; lookups without
 * one cannot be queried parent-to-child here.
 */
public final class StandardObjects {
  private StandardObjects() {}

  public static void registerAll(Schema schema) {
    account(schema);
    contact(schema);
    lead(schema);
    product(schema);
    pricebook(schema);
    pricebookEntry(schema);
    order(schema);
    orderItem(schema);
    opportunity(schema);
    opportunityLineItem(schema);
    caseObject(schema);
    campaign(schema);
    campaignMember(schema);
    group(schema);
    queueSobject(schema);
    user(schema);
    organization(schema);
  }

  /** Id and audit fields every stored record has. */
  public static SObjectType withSystemFields(SObjectType type) {
    type.add(
        new FieldDef("Id", FieldType.ID)
            .label(type.label() + " ID")
            .readOnly()
            .markIdLookup()
            .markDefaultedOnCreate());
    type.add(new FieldDef("IsDeleted", BOOLEAN).label("Deleted").calculated());
    type.add(new FieldDef("CreatedDate", FieldType.DATETIME).label("Created Date").readOnly());
    type.add(
        new FieldDef("CreatedById", FieldType.REFERENCE)
            .label("Created By ID")
            .readOnly()
            .references("CreatedBy", "User"));
    type.add(
        new FieldDef("LastModifiedDate", FieldType.DATETIME)
            .label("Last Modified Date")
            .readOnly());
    type.add(
        new FieldDef("LastModifiedById", FieldType.REFERENCE)
            .label("Last Modified By ID")
            .readOnly()
            .references("LastModifiedBy", "User"));
    type.add(
        new FieldDef("SystemModstamp", FieldType.DATETIME).label("System Modstamp").readOnly());
    return type;
  }

  public static void addOwner(SObjectType type, String... targets) {
    type.add(
        new FieldDef("OwnerId", FieldType.REFERENCE)
            .label("Owner ID")
            .markDefaultedOnCreate()
            .references("Owner", targets.length == 0 ? new String[] {"User"} : targets));
  }

  private static SObjectType standard(Schema schema, String name, String prefix, String plural) {
    SObjectType type =
        withSystemFields(new SObjectType(name, prefix, Kind.STANDARD).labels(name, plural));
    return schema.add(type);
  }

  private static FieldDef text(SObjectType t, String name, int length) {
    return t.add(new FieldDef(name, STRING).length(length));
  }

  private static FieldDef field(SObjectType t, String name, FieldType type) {
    return t.add(new FieldDef(name, type));
  }

  private static FieldDef lookup(
      SObjectType t, String name, String relationship, String... targets) {
    return t.add(new FieldDef(name, FieldType.REFERENCE).references(relationship, targets));
  }

  private static void address(SObjectType t, String prefix) {
    t.add(new FieldDef(prefix + "Street", TEXTAREA).length(255));
    text(t, prefix + "City", 40);
    text(t, prefix + "State", 80);
    text(t, prefix + "PostalCode", 20);
    text(t, prefix + "Country", 80);
  }

  private static void account(Schema schema) {
    SObjectType t = standard(schema, "Account", "001", "Accounts");
    text(t, "Name", 255).required().nameField().markIdLookup();
    text(t, "AccountNumber", 40);
    field(t, "Type", PICKLIST)
        .picklist("Prospect", "Customer - Direct", "Customer - Channel", "Other");
    field(t, "Industry", PICKLIST).picklist("Retail", "Technology", "Other");
    field(t, "AccountSource", PICKLIST).picklist("Web", "Phone Inquiry", "Other");
    field(t, "Phone", PHONE).length(40);
    field(t, "Fax", PHONE).length(40);
    field(t, "Website", URL).length(255);
    t.add(new FieldDef("Description", TEXTAREA).length(32000));
    address(t, "Billing");
    address(t, "Shipping");
    field(t, "NumberOfEmployees", INT).precision(8, 0);
    field(t, "AnnualRevenue", CURRENCY).precision(18, 0);
    lookup(t, "ParentId", "Parent", "Account").childRelationship("ChildAccounts");
    addOwner(t);
  }

  private static void contact(Schema schema) {
    SObjectType t = standard(schema, "Contact", "003", "Contacts");
    text(t, "FirstName", 40);
    text(t, "LastName", 80).required();
    text(t, "Name", 121).calculated().nameField();
    field(t, "Salutation", PICKLIST).picklist("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.");
    field(t, "Email", EMAIL).length(80).markIdLookup();
    field(t, "Phone", PHONE).length(40);
    field(t, "MobilePhone", PHONE).length(40);
    text(t, "Title", 128);
    text(t, "Department", 80);
    field(t, "Birthdate", DATE);
    field(t, "HasOptedOutOfEmail", BOOLEAN).defaultValue(false);
    field(t, "LeadSource", PICKLIST).picklist("Web", "Phone Inquiry", "Other");
    t.add(new FieldDef("Description", TEXTAREA).length(32000));
    address(t, "Mailing");
    lookup(t, "AccountId", "Account", "Account").childRelationship("Contacts");
    addOwner(t);
  }

  private static void lead(Schema schema) {
    SObjectType t = standard(schema, "Lead", "00Q", "Leads");
    text(t, "FirstName", 40);
    text(t, "LastName", 80).required();
    text(t, "Name", 121).calculated().nameField();
    text(t, "Company", 255).required();
    field(t, "Email", EMAIL).length(80).markIdLookup();
    field(t, "Phone", PHONE).length(40);
    text(t, "Title", 128);
    field(t, "Status", PICKLIST)
        .defaultValue("Open - Not Contacted")
        .markDefaultedOnCreate()
        .picklist(
            "Open - Not Contacted",
            "Working - Contacted",
            "Closed - Converted",
            "Closed - Not Converted");
    field(t, "LeadSource", PICKLIST).picklist("Web", "Phone Inquiry", "Other");
    t.add(new FieldDef("Description", TEXTAREA).length(32000));
    address(t, "");
    // Set only by convertLead (LeadConversions): read-only to every create/update.
    field(t, "IsConverted", BOOLEAN).calculated();
    field(t, "ConvertedDate", DATE).readOnly();
    lookup(t, "ConvertedAccountId", "ConvertedAccount", "Account").readOnly();
    lookup(t, "ConvertedContactId", "ConvertedContact", "Contact").readOnly();
    lookup(t, "ConvertedOpportunityId", "ConvertedOpportunity", "Opportunity").readOnly();
    addOwner(t, "User", "Group");
  }

  private static void product(Schema schema) {
    SObjectType t = standard(schema, "Product2", "01t", "Products");
    text(t, "Name", 255).required().nameField();
    text(t, "ProductCode", 255);
    t.add(new FieldDef("Description", TEXTAREA).length(4000));
    field(t, "IsActive", BOOLEAN).defaultValue(false);
    field(t, "Family", PICKLIST).picklist("None");
    text(t, "StockKeepingUnit", 180);
    text(t, "QuantityUnitOfMeasure", 255);
    text(t, "ExternalId", 255).externalId(false, true);
    text(t, "DisplayUrl", 1000);
  }

  private static void pricebook(Schema schema) {
    SObjectType t = standard(schema, "Pricebook2", "01s", "Price Books");
    text(t, "Name", 255).required().nameField();
    text(t, "Description", 255);
    field(t, "IsActive", BOOLEAN).defaultValue(false);
    field(t, "IsStandard", BOOLEAN).calculated();
  }

  private static void pricebookEntry(Schema schema) {
    SObjectType t = standard(schema, "PricebookEntry", "01u", "Price Book Entries");
    lookup(t, "Pricebook2Id", "Pricebook2", "Pricebook2")
        .required()
        .createOnly()
        .childRelationship("PricebookEntries");
    lookup(t, "Product2Id", "Product2", "Product2")
        .required()
        .createOnly()
        .childRelationship("PricebookEntries");
    field(t, "UnitPrice", CURRENCY).precision(18, 2).required();
    field(t, "IsActive", BOOLEAN).defaultValue(false);
    field(t, "UseStandardPrice", BOOLEAN).defaultValue(false);
    text(t, "Name", 255).calculated().nameField();
    text(t, "ProductCode", 255).calculated();
  }

  private static void order(Schema schema) {
    SObjectType t = standard(schema, "Order", "801", "Orders").autoNumberFormat("{00000000}");
    lookup(t, "AccountId", "Account", "Account").required().childRelationship("Orders");
    field(t, "EffectiveDate", DATE).required();
    field(t, "EndDate", DATE);
    field(t, "Status", PICKLIST).required().picklist("Draft", "Activated");
    text(t, "StatusCode", 1).calculated();
    lookup(t, "Pricebook2Id", "Pricebook2", "Pricebook2");
    text(t, "Name", 80);
    text(t, "OrderNumber", 30).autoNumber().nameField();
    field(t, "Type", PICKLIST).picklist("Web", "Phone");
    text(t, "PoNumber", 80);
    text(t, "OrderReferenceNumber", 80);
    t.add(new FieldDef("Description", TEXTAREA).length(32000));
    field(t, "TotalAmount", CURRENCY).precision(18, 2).calculated();
    address(t, "Billing");
    address(t, "Shipping");
    lookup(t, "BillToContactId", "BillToContact", "Contact");
    lookup(t, "ShipToContactId", "ShipToContact", "Contact");
    addOwner(t);
  }

  private static void orderItem(Schema schema) {
    SObjectType t =
        standard(schema, "OrderItem", "802", "Order Products").autoNumberFormat("{0000000000}");
    lookup(t, "OrderId", "Order", "Order").required().createOnly().childRelationship("OrderItems");
    lookup(t, "PricebookEntryId", "PricebookEntry", "PricebookEntry").required().createOnly();
    lookup(t, "Product2Id", "Product2", "Product2").createOnly();
    field(t, "Quantity", DOUBLE).precision(18, 2).required();
    field(t, "UnitPrice", CURRENCY).precision(18, 2).required();
    field(t, "ListPrice", CURRENCY).precision(18, 2).calculated();
    field(t, "TotalPrice", CURRENCY).precision(18, 2).calculated();
    text(t, "Description", 255);
    field(t, "ServiceDate", DATE);
    text(t, "OrderItemNumber", 30).autoNumber().nameField();
  }

  private static void opportunity(Schema schema) {
    SObjectType t = standard(schema, "Opportunity", "006", "Opportunities");
    text(t, "Name", 120).required().nameField();
    field(t, "StageName", PICKLIST)
        .required()
        .picklist("Prospecting", "Qualification", "Closed Won", "Closed Lost");
    field(t, "CloseDate", DATE).required();
    lookup(t, "AccountId", "Account", "Account").childRelationship("Opportunities");
    // The primary contact (API 46+): "can only be populated when it's created, and can't be
    // updated" (Object Reference, Opportunity.ContactId: Create, no Update).
    lookup(t, "ContactId", "Contact", "Contact").createOnly();
    lookup(t, "Pricebook2Id", "Pricebook2", "Pricebook2");
    lookup(t, "CampaignId", "Campaign", "Campaign");
    field(t, "Amount", CURRENCY).precision(18, 2);
    field(t, "Probability", PERCENT).precision(3, 0);
    field(t, "Type", PICKLIST).picklist("New Customer", "Existing Customer - Upgrade");
    field(t, "LeadSource", PICKLIST).picklist("Web", "Phone Inquiry", "Other");
    t.add(new FieldDef("Description", TEXTAREA).length(32000));
    addOwner(t);
  }

  private static void opportunityLineItem(Schema schema) {
    SObjectType t = standard(schema, "OpportunityLineItem", "00k", "Opportunity Product");
    lookup(t, "OpportunityId", "Opportunity", "Opportunity")
        .required()
        .createOnly()
        .childRelationship("OpportunityLineItems");
    lookup(t, "PricebookEntryId", "PricebookEntry", "PricebookEntry").createOnly();
    lookup(t, "Product2Id", "Product2", "Product2").createOnly();
    field(t, "Quantity", DOUBLE).precision(12, 2).required();
    field(t, "UnitPrice", CURRENCY).precision(18, 2);
    field(t, "TotalPrice", CURRENCY).precision(18, 2);
    text(t, "Description", 255);
    field(t, "ServiceDate", DATE);
    text(t, "Name", 376).calculated().nameField();
  }

  private static void caseObject(Schema schema) {
    SObjectType t = standard(schema, "Case", "500", "Cases").autoNumberFormat("{00000000}");
    text(t, "CaseNumber", 30).autoNumber().nameField();
    text(t, "Subject", 255);
    t.add(new FieldDef("Description", TEXTAREA).length(32000));
    field(t, "Status", PICKLIST)
        .defaultValue("New")
        .markDefaultedOnCreate()
        .picklist("New", "Working", "Escalated", "Closed");
    field(t, "Origin", PICKLIST).picklist("Phone", "Email", "Web");
    field(t, "Priority", PICKLIST).defaultValue("Medium").picklist("High", "Medium", "Low");
    field(t, "Type", PICKLIST).picklist("Question", "Problem", "Feature Request");
    field(t, "Reason", PICKLIST).picklist("Other");
    field(t, "SuppliedEmail", EMAIL).length(80);
    text(t, "SuppliedName", 80);
    lookup(t, "ContactId", "Contact", "Contact").childRelationship("Cases");
    lookup(t, "AccountId", "Account", "Account").childRelationship("Cases");
    field(t, "IsClosed", BOOLEAN).calculated();
    addOwner(t, "User", "Group");
  }

  private static void campaign(Schema schema) {
    SObjectType t = standard(schema, "Campaign", "701", "Campaigns");
    text(t, "Name", 80).required().nameField();
    field(t, "Type", PICKLIST).picklist("Email", "Webinar", "Other");
    field(t, "Status", PICKLIST).picklist("Planned", "In Progress", "Completed", "Aborted");
    field(t, "IsActive", BOOLEAN).defaultValue(false);
    field(t, "StartDate", DATE);
    field(t, "EndDate", DATE);
    t.add(new FieldDef("Description", TEXTAREA).length(32000));
    lookup(t, "ParentId", "Parent", "Campaign");
    addOwner(t);
  }

  private static void campaignMember(Schema schema) {
    SObjectType t = standard(schema, "CampaignMember", "00v", "Campaign Members");
    lookup(t, "CampaignId", "Campaign", "Campaign")
        .required()
        .createOnly()
        .childRelationship("CampaignMembers");
    lookup(t, "ContactId", "Contact", "Contact").createOnly();
    lookup(t, "LeadId", "Lead", "Lead").createOnly();
    field(t, "Status", PICKLIST)
        .defaultValue("Sent")
        .markDefaultedOnCreate()
        .picklist("Sent", "Responded");
    field(t, "HasResponded", BOOLEAN).calculated();
  }

  private static void group(Schema schema) {
    SObjectType t = standard(schema, "Group", "00G", "Groups");
    text(t, "Name", 40).required().nameField();
    text(t, "DeveloperName", 80);
    field(t, "Type", PICKLIST)
        .defaultValue("Regular")
        .markDefaultedOnCreate()
        .picklist("Regular", "Queue", "Role");
    field(t, "Email", EMAIL).length(255);
  }

  /**
   * Which objects a Queue may own records of (Metadata API {@code Queue.queueSobject}, one row per
   * object): a record owned by a Queue without a row for its object is refused ({@link
   * io.bcsync.sim.salesforce.data.QueueOwnership}).
   */
  private static void queueSobject(Schema schema) {
    SObjectType t = standard(schema, "QueueSobject", "03g", "QueueSobjects");
    lookup(t, "QueueId", "Queue", "Group").required().createOnly();
    text(t, "SobjectType", 40).required().createOnly();
  }

  private static void user(Schema schema) {
    SObjectType t = standard(schema, "User", "005", "Users");
    text(t, "Username", 80).required().unique(false).markIdLookup();
    text(t, "FirstName", 40);
    text(t, "LastName", 80).required();
    text(t, "Name", 121).calculated().nameField();
    field(t, "Email", EMAIL).length(128).required();
    text(t, "Alias", 8).required();
    field(t, "IsActive", BOOLEAN).defaultValue(true);
    text(t, "TimeZoneSidKey", 40).defaultValue("America/Los_Angeles");
    text(t, "ProfileId", 18).defaultValue("00e8c0000000001AAA");
    field(t, "UserType", PICKLIST).calculated().picklist("Standard");
  }

  private static void organization(Schema schema) {
    SObjectType t = standard(schema, "Organization", "00D", "Organizations").readOnlyObject();
    text(t, "Name", 80).readOnly().nameField();
    field(t, "IsSandbox", BOOLEAN).readOnly();
    text(t, "OrganizationType", 40).readOnly();
    text(t, "InstanceName", 5).readOnly();
    text(t, "DefaultLocaleSidKey", 40).readOnly();
    text(t, "TimeZoneSidKey", 40).readOnly();
  }
}
