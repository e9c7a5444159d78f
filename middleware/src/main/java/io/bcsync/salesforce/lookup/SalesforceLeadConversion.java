package io.bcsync.salesforce.lookup;

import io.bcsync.config.SalesforceConfigured;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync's lead conversion ({@code lead_policy: convert_lead}) done by {@link LeadConverter}:
 * each matched Lead becomes a new Account and Contact, in batched convertLead calls. A Lead
 * Salesforce refuses to convert is left out of the answer (the sync then retries that customer's
 * item, and dead-letters it with the reason logged here).
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class SalesforceLeadConversion implements io.bcsync.sync.customers.LeadConversion {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceLeadConversion.class);

  private final LeadConverter converter;

  public SalesforceLeadConversion(LeadConverter converter) {
    this.converter = converter;
  }

  @Override
  public Map<String, Converted> convert(List<String> leadIds) throws Exception {
    Map<String, Converted> converted = new LinkedHashMap<>();
    for (LeadConversionResult result :
        converter.convert(leadIds.stream().map(LeadConversion::intoNewRecords).toList())) {
      if (result.success()) {
        converted.put(
            result.request().leadId(), new Converted(result.contactId(), result.accountId()));
      } else {
        LOG.warn("Lead {} was not converted: {}", result.request().leadId(), result.errors());
      }
    }
    return converted;
  }
}
