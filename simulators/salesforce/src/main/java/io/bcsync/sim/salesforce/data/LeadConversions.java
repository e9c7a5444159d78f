package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * convertLead as the Partner API documents it: the Lead becomes an Account (from Company and the
 * address), a Contact (name, email, phone, title, address, lead source) and, unless {@code
 * doNotCreateOpportunity}, an Opportunity; or it is merged into a given Account/Contact, where only
 * empty fields are filled (LeadSource only with {@code overwriteLeadSource}). Custom fields are
 * copied to same-named custom Contact fields only when the org's lead field mapping names them
 * (Salesforce Help, "Map Custom Lead Fields for Lead Conversion": unmapped custom fields are not
 * carried over); none by default. The Lead is then marked converted and can be neither converted
 * nor updated again.
 *
 * <p>Each lead is all-or-nothing: a failure after its Account was created rolls that lead's work
 * back, and other leads of the call still convert (partial success, like the platform's per-lead
 * retry).
 */
final class LeadConversions {
  static final String CONVERTED_STATUS = "Closed - Converted";
  private static final Map<String, String> CONTACT_FIELDS =
      Map.ofEntries(
          Map.entry("FirstName", "FirstName"),
          Map.entry("LastName", "LastName"),
          Map.entry("Email", "Email"),
          Map.entry("Phone", "Phone"),
          Map.entry("Title", "Title"),
          Map.entry("Description", "Description"),
          Map.entry("Street", "MailingStreet"),
          Map.entry("City", "MailingCity"),
          Map.entry("State", "MailingState"),
          Map.entry("PostalCode", "MailingPostalCode"),
          Map.entry("Country", "MailingCountry"));
  private static final Map<String, String> ACCOUNT_FIELDS =
      Map.of(
          "Company",
          "Name",
          "Phone",
          "Phone",
          "Street",
          "BillingStreet",
          "City",
          "BillingCity",
          "State",
          "BillingState",
          "PostalCode",
          "BillingPostalCode",
          "Country",
          "BillingCountry");

  private final Schema schema;
  private final RecordStore store;
  private final RecordWriter writer;
  private final Set<String> mappedLeadFields;

  LeadConversions(
      Schema schema, RecordStore store, RecordWriter writer, Set<String> mappedLeadFields) {
    this.mappedLeadFields = Set.copyOf(mappedLeadFields);
    this.schema = schema;
    this.store = store;
    this.writer = writer;
  }

  LeadConvertOutcome convert(LeadConvertRequest request, Transaction tx) {
    Map<String, Record> before = store.snapshot();
    int changesBefore = tx.changes().size();
    try {
      return convertOne(request, tx);
    } catch (RecordError.Failure failure) {
      store.restore(before);
      tx.changes().subList(changesBefore, tx.changes().size()).clear();
      return LeadConvertOutcome.failed(request.leadId(), failure.error);
    }
  }

  private LeadConvertOutcome convertOne(LeadConvertRequest request, Transaction tx) {
    if (request.leadId() == null || request.leadId().isBlank()) {
      throw RecordError.of("MISSING_ARGUMENT", "leadId not specified", "leadId").fail();
    }
    Record lead = writer.existing(DmlEngine.requireId(request.leadId()), type("Lead"));
    if (Boolean.TRUE.equals(lead.get("IsConverted"))) {
      throw RecordError.of("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead")
          .fail();
    }
    if (!CONVERTED_STATUS.equals(request.convertedStatus())) {
      throw RecordError.of(
              "INVALID_STATUS",
              "invalid convertedStatus: " + request.convertedStatus(),
              "convertedStatus")
          .fail();
    }
    Record account =
        request.accountId() == null
            ? null
            : writer.existing(DmlEngine.requireId(request.accountId()), type("Account"));
    Record contact = null;
    if (request.contactId() != null) {
      if (account == null) {
        throw RecordError.of("INVALID_ID_FIELD", "contactId requires an accountId", "contactId")
            .fail();
      }
      contact = writer.existing(DmlEngine.requireId(request.contactId()), type("Contact"));
      if (!account.id().equals(contact.get("AccountId"))) {
        throw RecordError.of(
                "INVALID_ID_FIELD",
                "The contact is not associated with the specified account",
                "contactId")
            .fail();
      }
    }
    account =
        account == null
            ? insert("Account", copy(lead, ACCOUNT_FIELDS, null, request), tx)
            : fillEmpty(account, copy(lead, ACCOUNT_FIELDS, account, request), tx);
    Map<String, Object> contactValues = copy(lead, CONTACT_FIELDS, contact, request);
    copyCustomFields(lead, contact, contactValues);
    if (contact == null) {
      contactValues.put("AccountId", account.id());
      contact = insert("Contact", contactValues, tx);
    } else {
      contact = fillEmpty(contact, contactValues, tx);
    }
    String opportunityId = null;
    if (!request.doNotCreateOpportunity()) {
      Map<String, Object> opportunity = new LinkedHashMap<>();
      opportunity.put(
          "Name",
          request.opportunityName() != null
              ? request.opportunityName()
              : lead.get("Company") + "-");
      opportunity.put("StageName", "Prospecting");
      opportunity.put("CloseDate", LocalDate.ofInstant(tx.now(), ZoneOffset.UTC));
      opportunity.put("AccountId", account.id());
      opportunity.put("LeadSource", lead.get("LeadSource"));
      opportunityId = insert("Opportunity", opportunity, tx).id();
    }
    Map<String, Object> converted = new LinkedHashMap<>();
    converted.put("Status", request.convertedStatus());
    converted.put("IsConverted", Boolean.TRUE);
    converted.put("ConvertedDate", LocalDate.ofInstant(tx.now(), ZoneOffset.UTC));
    converted.put("ConvertedAccountId", account.id());
    converted.put("ConvertedContactId", contact.id());
    converted.put("ConvertedOpportunityId", opportunityId);
    writer.apply(lead, converted, tx);
    return new LeadConvertOutcome(
        lead.id(), account.id(), contact.id(), opportunityId, true, List.of());
  }

  /**
   * Lead values under the target's names; for a merge target only its empty fields (and LeadSource
   * if asked).
   */
  private Map<String, Object> copy(
      Record lead, Map<String, String> names, Record target, LeadConvertRequest request) {
    Map<String, Object> values = new LinkedHashMap<>();
    names.forEach(
        (from, to) -> {
          Object value = lead.get(from);
          if (value != null && (target == null || target.get(to) == null)) {
            values.put(to, value);
          }
        });
    if (names == CONTACT_FIELDS
        && lead.get("LeadSource") != null
        && (target == null || target.get("LeadSource") == null || request.overwriteLeadSource())) {
      values.put("LeadSource", lead.get("LeadSource"));
    }
    return values;
  }

  private void copyCustomFields(Record lead, Record contact, Map<String, Object> values) {
    SObjectType contactType = type("Contact");
    for (FieldDef field : lead.type().fields()) {
      Object value = lead.get(field.name());
      boolean target =
          field.isCustom()
              && mappedLeadFields.contains(field.name())
              && contactType.field(field.name()).map(FieldDef::createable).orElse(false);
      if (target && value != null && (contact == null || contact.get(field.name()) == null)) {
        values.put(field.name(), value);
      }
    }
  }

  private Record insert(String typeName, Map<String, Object> values, Transaction tx) {
    SObjectType type = type(typeName);
    Map<String, String> raw = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (value != null) {
            raw.put(name, FieldValues.format(type.field(name).orElseThrow(), value));
          }
        });
    return writer.insert(type, new RecordInput(typeName, raw, Map.of(), List.of()), tx);
  }

  private Record fillEmpty(Record target, Map<String, Object> values, Transaction tx) {
    if (!values.isEmpty()) {
      writer.apply(target, values, tx);
    }
    return target;
  }

  private SObjectType type(String name) {
    return schema.type(name).orElseThrow();
  }
}
