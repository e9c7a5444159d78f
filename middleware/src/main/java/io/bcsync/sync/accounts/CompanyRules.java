package io.bcsync.sync.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.config.StoreConfig;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which B2B company a customer belongs to, per store configuration, first rule that applies: {@code
 * bcsync.bigcommerce.stores.<hash>.b2b.edition} ({@code true}: a registered customer who is a B2B
 * Edition company user belongs to that company, key {@code <hash>:b2b:<companyId>}; see {@link
 * B2bMemberships}), {@code ...b2b.email-domains} (customers with an e-mail at one of these domains
 * belong to the company of that domain) and {@code ...b2b.company-field} ({@code true}: the
 * customer's {@code company} field names its company). Both off by default: a shopper typing a
 * company into checkout does not make a store B2B.
 */
@Singleton
public class CompanyRules {
  /** A company: {@code key} is the Account's BC_Company_Id__c, store-qualified. */
  public record Company(String key, String name) {}

  private final Environment environment;
  private final B2bMemberships memberships;

  public CompanyRules(Environment environment, B2bMemberships memberships) {
    this.environment = environment;
    this.memberships = memberships;
  }

  /**
   * The companies of a batch's customers, with one membership look-up for all of them (no B2B call
   * when they are all known, see {@link B2bMemberships}); customers of no company are absent.
   *
   * @param customers the mapper's customer documents' {@code customer} nodes (V3 names), by any key
   */
  public <K> Map<K, Company> companiesOf(String storeHash, Map<K, JsonNode> customers) {
    Map<Long, Company> b2b =
        memberships.companiesOf(
            storeHash,
            customers.values().stream()
                .map(c -> c.path("id").asLong(0))
                .filter(id -> id > 0)
                .collect(Collectors.toSet()));
    Map<K, Company> out = new HashMap<>();
    customers.forEach(
        (key, customer) -> {
          Company edition = b2b.get(customer.path("id").asLong(0));
          Optional<Company> company =
              edition != null ? Optional.of(edition) : byConfiguredRules(storeHash, customer);
          company.ifPresent(c -> out.put(key, c));
        });
    return out;
  }

  /** One customer's company: {@link #companiesOf} for a batch of one. */
  public Optional<Company> companyOf(String storeHash, JsonNode customer) {
    return Optional.ofNullable(companiesOf(storeHash, Map.of("one", customer)).get("one"));
  }

  private Optional<Company> byConfiguredRules(String storeHash, JsonNode customer) {
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
    return environment
        .getProperty(prefix(storeHash) + "email-domains", String.class)
        .map(
            list ->
                Arrays.stream(list.split(","))
                    .map(d -> d.trim().toLowerCase(Locale.ROOT))
                    .filter(d -> !d.isEmpty())
                    .collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  private boolean companyField(String storeHash) {
    return environment
        .getProperty(prefix(storeHash) + "company-field", Boolean.class)
        .orElse(false);
  }

  private static String prefix(String storeHash) {
    return StoreConfig.PREFIX + "." + storeHash + ".b2b.";
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
