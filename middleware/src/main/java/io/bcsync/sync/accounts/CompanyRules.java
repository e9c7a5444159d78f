package io.bcsync.sync.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.config.StoreConfig;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which B2B company a customer belongs to, per store configuration:
 * {@code bcsync.bigcommerce.stores.<hash>.b2b.email-domains} (customers with an e-mail at one of these domains
 * belong to the company of that domain) and {@code ...b2b.company-field} ({@code true}: the customer's
 * {@code company} field names its company). Both off by default: a shopper typing a company into checkout does not
 * make a store B2B.
 */
@Singleton
public class CompanyRules {
  /** A company: {@code key} is the Account's BC_Company_Id__c, store-qualified. */
  public record Company(String key, String name) {}

  private final Environment environment;

  public CompanyRules(Environment environment) {
    this.environment = environment;
  }

  /** @param customer the mapper's customer document's {@code customer} node (V3 names) */
  public Optional<Company> companyOf(String storeHash, JsonNode customer) {
    String email = customer.path("email").asText("").trim().toLowerCase(Locale.ROOT);
    int at = email.lastIndexOf('@');
    if (at > 0 && emailDomains(storeHash).contains(email.substring(at + 1))) {
      String domain = email.substring(at + 1);
      return Optional.of(new Company(storeHash + ":domain:" + domain, domain));
    }
    String company = customer.path("company").asText("").trim();
    if (!company.isEmpty() && companyField(storeHash)) {
      // Case and spacing differ between orders of one company; the key must not.
      String normalised = company.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      return Optional.of(new Company(truncate(storeHash + ":name:" + normalised, 80), company));
    }
    return Optional.empty();
  }

  private Set<String> emailDomains(String storeHash) {
    return environment.getProperty(prefix(storeHash) + "email-domains", String.class)
        .map(list -> Arrays.stream(list.split(",")).map(d -> d.trim().toLowerCase(Locale.ROOT))
            .filter(d -> !d.isEmpty()).collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  private boolean companyField(String storeHash) {
    return environment.getProperty(prefix(storeHash) + "company-field", Boolean.class).orElse(false);
  }

  private static String prefix(String storeHash) {
    return StoreConfig.PREFIX + "." + storeHash + ".b2b.";
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
