package io.bcsync.salesforce.lookup;

import com.sforce.soap.partner.LeadConvert;
import com.sforce.soap.partner.LeadConvertResult;
import com.sforce.ws.ConnectionException;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.config.SalesforceLookupConfig;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.salesforce.writer.SalesforceErrors;
import io.bcsync.salesforce.writer.SalesforceMessages;
import io.bcsync.sync.port.RecordError;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts matched Leads in batches of up to 100 (the convertLead limit) with one call per batch.
 * Never creates an Opportunity: the order itself is what the sync writes. Results are per Lead, in
 * request order; one Lead failing (already converted, locked) does not fail the others.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class LeadConverter {
  static final int MAX_PER_CALL = 100;

  private final SalesforceConnector connector;
  private final String convertedStatus;

  public LeadConverter(SalesforceConnector connector, SalesforceLookupConfig config) {
    this.connector = connector;
    this.convertedStatus = config.leadConvertedStatus();
  }

  /**
   * @throws ConnectionException when a whole call fails (session, network, limits); earlier batches
   *     stay done
   */
  public List<LeadConversionResult> convert(List<LeadConversion> conversions)
      throws ConnectionException {
    List<LeadConversionResult> results = new ArrayList<>(conversions.size());
    if (conversions.isEmpty()) {
      return results;
    }
    SalesforceSession session = connector.session();
    for (int from = 0; from < conversions.size(); from += MAX_PER_CALL) {
      List<LeadConversion> batch =
          conversions.subList(from, Math.min(conversions.size(), from + MAX_PER_CALL));
      LeadConvert[] requests = batch.stream().map(this::request).toArray(LeadConvert[]::new);
      LeadConvertResult[] answers = session.call(c -> c.convertLead(requests));
      if (answers.length != batch.size()) {
        // Results are positional; a mismatch would attach a result to the wrong Lead.
        throw new ConnectionException(
            "Salesforce returned "
                + answers.length
                + " results for "
                + batch.size()
                + " lead conversions");
      }
      for (int i = 0; i < batch.size(); i++) {
        LeadConvertResult answer = answers[i];
        results.add(
            new LeadConversionResult(
                batch.get(i),
                answer.isSuccess(),
                answer.getAccountId(),
                answer.getContactId(),
                errors(answer.getErrors())));
      }
    }
    return results;
  }

  private LeadConvert request(LeadConversion conversion) {
    LeadConvert convert = new LeadConvert();
    convert.setLeadId(conversion.leadId());
    convert.setConvertedStatus(convertedStatus);
    convert.setDoNotCreateOpportunity(true);
    convert.setOverwriteLeadSource(false);
    convert.setSendNotificationEmail(false);
    if (conversion.accountId() != null) {
      convert.setAccountId(conversion.accountId());
    }
    if (conversion.contactId() != null) {
      convert.setContactId(conversion.contactId());
    }
    return convert;
  }

  private static List<RecordError> errors(com.sforce.soap.partner.Error[] errors) {
    if (errors == null) {
      return List.of();
    }
    return Arrays.stream(errors)
        .map(
            e -> {
              String code = e.getStatusCode() == null ? "UNKNOWN" : e.getStatusCode().name();
              return new RecordError(
                  code,
                  SalesforceMessages.redact(e.getMessage()),
                  e.getFields() == null ? List.of() : Arrays.asList(e.getFields()),
                  SalesforceErrors.isRetryable(code));
            })
        .toList();
  }
}
