package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.LeadConvert;
import com.sforce.soap.partner.LeadConvertResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** convertLead through the real force-wsc PartnerConnection. */
class LeadConvertTest {
  static SalesforceSimulator sim;
  static PartnerConnection connection;
  static int customers;

  @BeforeAll
  static void start() throws Exception {
    // the repository's package: Lead and Contact both have BC_Customer_Id__c; the package ships no
    // lead field mapping (LeadConvertSettings), so a conversion does not carry it over
    sim =
        SalesforceSimulator.start(
            SimulatorOptions.defaults().metadata(Path.of("../../sfdx-package/force-app")));
    connection = TestOrgs.login(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String create(String type, Map<String, Object> fields) throws Exception {
    SaveResult result = connection.create(new SObject[] {sobject(type, fields)})[0];
    assertThat(result.getErrors()).as("creating %s", type).isEmpty();
    return result.getId();
  }

  private static String lead(String last, String email) throws Exception {
    Map<String, Object> fields =
        new HashMap<>(
            Map.of(
                "LastName",
                last,
                "FirstName",
                "Jo",
                "Company",
                last + " Ltd",
                "Email",
                email,
                "Phone",
                "+44 20 7946 0958",
                "City",
                "London",
                "PostalCode",
                "SW1A 1AA",
                "LeadSource",
                "Web"));
    fields.put("BC_Customer_Id__c", "abc:" + (++customers));
    return create("Lead", fields);
  }

  private static LeadConvert convert(String leadId) {
    LeadConvert convert = new LeadConvert();
    convert.setLeadId(leadId);
    convert.setConvertedStatus("Closed - Converted");
    convert.setDoNotCreateOpportunity(true);
    return convert;
  }

  @Test
  void a_lead_becomes_an_account_and_a_contact_and_cannot_be_converted_or_updated_again()
      throws Exception {
    String leadId = lead("Fry", "fry@example.com");
    long callsBefore = sim.apiCallCount("convertLead", "Lead");

    LeadConvertResult result = connection.convertLead(new LeadConvert[] {convert(leadId)})[0];

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.getLeadId()).isEqualTo(leadId);
    assertThat(result.getOpportunityId()).isNull();
    assertThat(sim.record(result.getAccountId()).orElseThrow())
        .containsEntry("Name", "Fry Ltd")
        .containsEntry("BillingCity", "London");
    Map<String, Object> contact = sim.record(result.getContactId()).orElseThrow();
    assertThat(contact)
        .containsEntry("LastName", "Fry")
        .containsEntry("Email", "fry@example.com")
        .containsEntry("AccountId", result.getAccountId())
        .containsEntry("MailingPostalCode", "SW1A 1AA")
        .containsEntry("LeadSource", "Web");
    assertThat(contact.get("BC_Customer_Id__c"))
        .as("custom fields follow only the org's lead field mapping, empty here")
        .isNull();
    SObject lead =
        connection.query(
                "SELECT Id, IsConverted, Status, ConvertedAccountId, ConvertedContactId, "
                    + "ConvertedDate FROM Lead WHERE Id = '"
                    + leadId
                    + "'")
            .getRecords()[0];
    assertThat(lead.getField("IsConverted")).isEqualTo("true");
    assertThat(lead.getField("Status")).isEqualTo("Closed - Converted");
    assertThat(lead.getField("ConvertedAccountId")).isEqualTo(result.getAccountId());
    assertThat(lead.getField("ConvertedContactId")).isEqualTo(result.getContactId());
    assertThat(lead.getField("ConvertedDate")).isNotNull();
    assertThat(
            connection
                .query("SELECT Id FROM Lead WHERE IsConverted = false AND Id = '" + leadId + "'")
                .getSize())
        .isZero();

    LeadConvertResult again = connection.convertLead(new LeadConvert[] {convert(leadId)})[0];
    assertThat(again.isSuccess()).isFalse();
    assertThat(again.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.CANNOT_UPDATE_CONVERTED_LEAD);
    SaveResult update =
        connection.update(new SObject[] {sobject("Lead", Map.of("Id", leadId, "Title", "x"))})[0];
    assertThat(update.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.CANNOT_UPDATE_CONVERTED_LEAD);
    assertThat(sim.apiCallCount("convertLead", "Lead")).isEqualTo(callsBefore + 2);
  }

  @Test
  void merging_into_an_existing_contact_fills_only_empty_fields_and_an_opportunity_is_optional()
      throws Exception {
    String account = create("Account", Map.of("Name", "Existing Co"));
    String contact =
        create(
            "Contact",
            Map.of("LastName", "Keep", "Email", "keep@example.com", "AccountId", account));
    String leadId = lead("Leela", "leela@example.com");
    LeadConvert merge = convert(leadId);
    merge.setAccountId(account);
    merge.setContactId(contact);
    merge.setDoNotCreateOpportunity(false);
    merge.setOpportunityName("First order");

    LeadConvertResult result = connection.convertLead(new LeadConvert[] {merge})[0];

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.getAccountId()).isEqualTo(account);
    assertThat(result.getContactId()).isEqualTo(contact);
    assertThat(sim.record(contact).orElseThrow())
        .containsEntry("Email", "keep@example.com")
        .containsEntry("LastName", "Keep")
        .containsEntry("Phone", "+44 20 7946 0958");
    assertThat(sim.record(account).orElseThrow()).containsEntry("Name", "Existing Co");
    assertThat(sim.record(result.getOpportunityId()).orElseThrow())
        .containsEntry("Name", "First order")
        .containsEntry("AccountId", account);
  }

  @Test
  void each_lead_succeeds_or_fails_on_its_own_and_a_call_takes_at_most_100() throws Exception {
    String good = lead("Bender", "bender@example.com");
    String otherAccount = create("Account", Map.of("Name", "Other"));
    String foreignContact = create("Contact", Map.of("LastName", "Elsewhere"));
    String badMerge = lead("Zoidberg", "zoid@example.com");
    LeadConvert wrongContact = convert(badMerge);
    wrongContact.setAccountId(otherAccount);
    wrongContact.setContactId(foreignContact); // not a contact of that account
    LeadConvert badStatus = convert(lead("Hermes", "hermes@example.com"));
    badStatus.setConvertedStatus("Open - Not Contacted");
    int accounts = sim.count("Account");

    LeadConvertResult[] results =
        connection.convertLead(new LeadConvert[] {wrongContact, convert(good), badStatus});

    assertThat(results[0].isSuccess()).isFalse();
    assertThat(results[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_ID_FIELD);
    assertThat(results[1].isSuccess()).isTrue();
    assertThat(results[2].isSuccess()).isFalse();
    assertThat(results[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_STATUS);
    assertThat(sim.count("Account")).isEqualTo(accounts + 1);
    assertThat(sim.record(badMerge).orElseThrow()).doesNotContainEntry("IsConverted", true);

    LeadConvert[] tooMany = new LeadConvert[101];
    java.util.Arrays.fill(tooMany, convert(good));
    assertThatThrownBy(() -> connection.convertLead(tooMany))
        .isInstanceOfSatisfying(
            UnexpectedErrorFault.class,
            fault -> assertThat(fault.getExceptionMessage()).contains("100"));
  }

  @Test
  void a_custom_field_the_lead_field_mapping_names_is_carried_to_the_contact() throws Exception {
    // Salesforce Help, "Map Custom Lead Fields for Lead Conversion": an admin maps a custom Lead
    // field to a Contact field; only mapped custom fields are copied when a Lead is converted.
    try (SalesforceSimulator mapped =
        SalesforceSimulator.start(
            SimulatorOptions.defaults()
                .metadata(Path.of("../../sfdx-package/force-app"))
                .mapLeadFieldsOnConversion("BC_Customer_Id__c"))) {
      PartnerConnection mappedConnection = TestOrgs.login(mapped);
      SObject lead = new SObject("Lead");
      lead.setField("LastName", "Mapped");
      lead.setField("Company", "Mapped Ltd");
      lead.setField("BC_Customer_Id__c", "abc:mapped");
      String leadId = mappedConnection.create(new SObject[] {lead})[0].getId();

      LeadConvertResult result =
          mappedConnection.convertLead(new LeadConvert[] {convert(leadId)})[0];

      assertThat(result.isSuccess()).isTrue();
      assertThat(mapped.record(result.getContactId()).orElseThrow())
          .containsEntry("BC_Customer_Id__c", "abc:mapped");
    }
  }
}
