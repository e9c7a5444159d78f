package io.bcsync.sync.mapping;

import io.bcsync.sync.mapping.MappingDocument.Setting;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.LeadPolicy;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.matching.PhoneNormaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@code matching:} and {@code orders:} settings into typed configuration, reporting bad
 * values by line.
 */
final class SettingsReader {
  private final Map<String, Setting> settings;
  private final List<MappingProblem> problems;

  SettingsReader(Map<String, Setting> settings, List<MappingProblem> problems) {
    this.settings = settings;
    this.problems = problems;
  }

  MatchingConfig matching() {
    MatchingConfig defaults = MatchingConfig.defaults();
    List<MatchRule> rules = rules(defaults.rules());
    boolean fold = bool("matching.fold_plus_addresses", defaults.foldPlusAddresses());
    String region = text("matching.default_phone_region", defaults.defaultPhoneRegion());
    try {
      new PhoneNormaliser(region);
    } catch (IllegalArgumentException e) {
      problem("matching.default_phone_region", e.getMessage());
      region = defaults.defaultPhoneRegion();
    }
    LeadPolicy lead = choice("matching.lead_policy", LeadPolicy.class, defaults.leadPolicy());
    CandidateKind create =
        choice("matching.new_customers_as", CandidateKind.class, defaults.newCustomersAs());
    boolean acrossStores = bool("matching.match_across_stores", defaults.matchAcrossStores());
    try {
      return new MatchingConfig(rules, fold, region, lead, create, acrossStores);
    } catch (IllegalArgumentException e) {
      problem("matching.rules", e.getMessage());
      return defaults;
    }
  }

  OrderTarget orders(SyncMapping mapping) {
    String object = text("orders.target", "Order");
    boolean isOrderObject =
        mapping.object(object).map(o -> o.mapping().source() == SourceKind.ORDER).orElse(false);
    if (!isOrderObject) {
      problem("orders.target", "'" + object + "' is not a mapped object with source order");
    }
    return new OrderTarget(object, activation(object));
  }

  /**
   * {@code orders.activate_on_status: [2, 10]}: status ids (0 to 14 in BigCommerce's table, custom
   * ids allowed).
   */
  private java.util.Set<Integer> activation(String target) {
    Setting setting = settings.get("orders.activate_on_status");
    if (setting == null || setting.value() == null) {
      return java.util.Set.of();
    }
    if (!"Order".equals(target)) {
      problem(
          "orders.activate_on_status",
          "activation applies only to orders.target Order, not " + target);
      return java.util.Set.of();
    }
    if (!(setting.value() instanceof List<?> values)) {
      problem(
          "orders.activate_on_status", "expected a list of BigCommerce status ids, e.g. [2, 10]");
      return java.util.Set.of();
    }
    java.util.Set<Integer> ids = new java.util.HashSet<>();
    for (Object value : values) {
      try {
        int id = Integer.parseInt(String.valueOf(value).trim());
        if (id <= 0) {
          problem(
              "orders.activate_on_status",
              "status " + id + " cannot activate an order (0 is Incomplete)");
        }
        ids.add(id);
      } catch (NumberFormatException e) {
        problem("orders.activate_on_status", "'" + value + "' is not a status id");
      }
    }
    return ids;
  }

  private List<MatchRule> rules(List<MatchRule> absent) {
    Setting setting = settings.get("matching.rules");
    if (setting == null) {
      return absent;
    }
    if (!(setting.value() instanceof List<?> names)) {
      problem("matching.rules", "expected a list of rules");
      return absent;
    }
    List<MatchRule> rules = new ArrayList<>();
    for (Object name : names) {
      try {
        rules.add(MatchRule.valueOf(name.toString().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problem(
            "matching.rules",
            "unknown rule '"
                + name
                + "' (expected external_id, email, phone, name_and_postal_code)");
      }
    }
    return rules.isEmpty() ? absent : rules;
  }

  private <E extends Enum<E>> E choice(String key, Class<E> type, E absent) {
    String value = text(key, null);
    if (value == null) {
      return absent;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed =
          java.util.Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .toList();
      problem(key, "unknown value '" + value + "' (expected one of " + allowed + ")");
      return absent;
    }
  }

  private boolean bool(String key, boolean absent) {
    String value = text(key, null);
    if (value == null) {
      return absent;
    }
    if (!value.equals("true") && !value.equals("false")) {
      problem(key, "expected true or false");
      return absent;
    }
    return Boolean.parseBoolean(value);
  }

  /**
   * {@code ownership.customer_fields}: the BigCommerce customer fields Salesforce owns for this
   * store, overriding {@code bcsync.sync.reverse.customer-fields}; empty when the file does not
   * say.
   */
  Optional<List<String>> salesforceCustomerFields() {
    String key = "ownership.customer_fields";
    Setting setting = settings.get(key);
    if (setting == null || setting.value() == null) {
      return Optional.empty();
    }
    List<String> fields = new ArrayList<>();
    if (setting.value() instanceof List<?> values) {
      values.forEach(v -> fields.add(String.valueOf(v)));
    } else {
      fields.add(String.valueOf(setting.value()));
    }
    for (String field : fields) {
      if (!io.bcsync.config.ReverseSyncConfig.CUSTOMER_FIELDS.contains(field)) {
        problem(
            key,
            "'"
                + field
                + "' is not a customer field Salesforce can own (expected any of "
                + io.bcsync.config.ReverseSyncConfig.CUSTOMER_FIELDS
                + ")");
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(fields));
  }

  private String text(String key, String absent) {
    Setting setting = settings.get(key);
    if (setting == null || setting.value() == null) {
      return absent;
    }
    if (!(setting.value() instanceof String value)) {
      problem(key, "expected a single value");
      return absent;
    }
    return value;
  }

  private void problem(String key, String message) {
    Setting setting = settings.get(key);
    SourceLocation location =
        setting != null ? setting.location() : new SourceLocation("(defaults)", 1);
    problems.add(new MappingProblem(location, key, message));
  }
}
