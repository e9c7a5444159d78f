package io.bcsync.sync.mapping;

import io.bcsync.sync.mapping.MappingDocument.Setting;
import io.bcsync.sync.mapping.ReverseMapping.CustomerMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code customers:} section into a {@link CustomerMapping}, each bad value reported at
 * its line: a mapped field must be one bcsync can write ({@link CustomerMapping#MAPPABLE}) from a
 * Contact field the schema knows; {@code create_customers} is true or false. Mapping a field makes
 * Salesforce its owner in the store, so a file whose {@code ownership.customer_fields} leaves a
 * mapped field out contradicts itself and is refused, as is owning {@code tax_exempt_category}
 * without saying where it comes from.
 */
final class CustomerSettings {
  private static final String FIELDS = "customers.fields.";
  private static final String OWNERSHIP = "ownership.customer_fields";

  private final Map<String, Setting> settings;
  private final SalesforceSchema schema;
  private final List<MappingProblem> problems;

  CustomerSettings(
      Map<String, Setting> settings, SalesforceSchema schema, List<MappingProblem> problems) {
    this.settings = settings;
    this.schema = schema;
    this.problems = problems;
  }

  CustomerMapping read() {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> owned = ownedInFile();
    settings.forEach(
        (key, setting) -> {
          if (!key.startsWith(FIELDS)) {
            return;
          }
          String target = key.substring(FIELDS.length());
          String source = setting.value() == null ? "" : String.valueOf(setting.value()).trim();
          if (!CustomerMapping.MAPPABLE.contains(target)) {
            problem(
                setting,
                key,
                "'"
                    + target
                    + "' is not a customer field a Contact field can be mapped to (expected any of "
                    + CustomerMapping.MAPPABLE
                    + ")");
            return;
          }
          // Put into SOQL as it is: only a Contact field's API name is accepted.
          if (!source.matches("[A-Za-z]\\w{0,79}")) {
            problem(setting, key, "expected the API name of a Contact field");
            return;
          }
          if (schema.object("Contact").filter(o -> o.field(source).isEmpty()).isPresent()) {
            problem(setting, key, "Contact has no field '" + source + "'");
            return;
          }
          if (owned != null && !owned.contains(target)) {
            problem(
                setting,
                key,
                "'"
                    + target
                    + "' is mapped from Salesforce but "
                    + OWNERSHIP
                    + " "
                    + owned
                    + " gives it to BigCommerce: list it there too, or remove the mapping");
            return;
          }
          fields.put(target, source);
        });
    if (owned != null
        && owned.contains("tax_exempt_category")
        && !fields.containsKey("tax_exempt_category")) {
      problem(
          settings.get(OWNERSHIP),
          OWNERSHIP,
          "tax_exempt_category is owned by Salesforce but customers.fields does not say which"
              + " Contact field it comes from");
    }
    return new CustomerMapping(fields, createCustomers());
  }

  /** The file's {@code ownership.customer_fields}, or null when it does not say. */
  private List<String> ownedInFile() {
    Setting setting = settings.get(OWNERSHIP);
    if (setting == null || setting.value() == null) {
      return null;
    }
    List<String> owned = new ArrayList<>();
    if (setting.value() instanceof List<?> values) {
      values.forEach(v -> owned.add(String.valueOf(v)));
    } else {
      owned.add(String.valueOf(setting.value()));
    }
    return owned;
  }

  private boolean createCustomers() {
    Setting setting = settings.get("customers.create_customers");
    if (setting == null || setting.value() == null) {
      return false;
    }
    String value = String.valueOf(setting.value());
    if (!value.equals("true") && !value.equals("false")) {
      problem(setting, "customers.create_customers", "expected true or false");
      return false;
    }
    return Boolean.parseBoolean(value);
  }

  private void problem(Setting setting, String key, String message) {
    problems.add(new MappingProblem(setting.location(), key, message));
  }
}
