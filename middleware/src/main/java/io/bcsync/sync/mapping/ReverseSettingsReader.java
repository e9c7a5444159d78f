package io.bcsync.sync.mapping;

import io.bcsync.sync.mapping.MappingDocument.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the {@code segments:}, {@code price_lists:}, {@code catalog:} and {@code inventory:}
 * settings into a {@link ReverseMapping}, reporting each bad value at its line (the catalog fields:
 * Product2 fields the schema knows, the weight a number): the segment field must be a Contact field
 * (or {@code Account.<field>}) the schema knows, group and price list ids whole numbers, price-list
 * keys {@code standard/<currency>} or {@code <price book id>/<currency>}.
 */
final class ReverseSettingsReader {
  private static final String GROUPS = "segments.groups.";
  private static final String LISTS = "price_lists.";
  private static final String CUSTOM = "catalog.custom_fields.";
  private static final int MAX_CUSTOM_FIELD_NAME = 250;

  private final Map<String, Setting> settings;
  private final SalesforceSchema schema;
  private final List<MappingProblem> problems;

  ReverseSettingsReader(
      Map<String, Setting> settings, SalesforceSchema schema, List<MappingProblem> problems) {
    this.settings = settings;
    this.schema = schema;
    this.problems = problems;
  }

  ReverseMapping read() {
    String field = segmentField();
    Map<String, Long> groups = new LinkedHashMap<>();
    Map<String, Long> lists = new LinkedHashMap<>();
    settings.forEach(
        (key, setting) -> {
          if (key.startsWith(GROUPS)) {
            Long id = id(key, setting, 0);
            if (id != null) {
              groups.put(key.substring(GROUPS.length()), id);
            }
          } else if (key.startsWith(LISTS)) {
            String listKey = priceListKey(key, setting);
            Long id = id(key, setting, 1);
            if (listKey != null && id != null) {
              lists.put(listKey, id);
            }
          }
        });
    return new ReverseMapping(
        field,
        groups,
        lists,
        createProducts(),
        catalog(),
        new CustomerSettings(settings, schema, problems).read(),
        groupPriceLists(groups),
        inventory());
  }

  /**
   * {@code inventory.locations.<id>}: each id a BigCommerce location id (a whole number from 1),
   * each field a number, currency or percent field of Product2 the schema knows.
   */
  private InventoryMapping inventory() {
    String prefix = "inventory.locations.";
    List<InventoryMapping.StockLocation> locations = new java.util.ArrayList<>();
    // By number: "1" and "01" are two settings but one location.
    java.util.Set<Long> seen = new java.util.HashSet<>();
    settings.forEach(
        (key, setting) -> {
          if (!key.startsWith(prefix)) {
            return;
          }
          String id = key.substring(prefix.length()).trim();
          if (!id.matches("\\d{1,18}") || Long.parseLong(id) < 1) {
            problem(setting, key, "'" + id + "' is not a BigCommerce inventory location id");
            return;
          }
          if (!seen.add(Long.parseLong(id))) {
            problem(setting, key, "location " + Long.parseLong(id) + " listed twice");
            return;
          }
          String field = productField(key, true);
          if (field != null) {
            locations.add(new InventoryMapping.StockLocation(Long.parseLong(id), field));
          }
        });
    return new InventoryMapping(locations);
  }

  /**
   * {@code catalog.sku_field}, {@code weight_field} and {@code custom_fields}: each a Product2
   * field the schema knows (the weight a number); custom field names 1 to 250 characters, as
   * BigCommerce allows.
   */
  private CatalogMapping catalog() {
    String sku = productField("catalog.sku_field", false);
    String weight = productField("catalog.weight_field", true);
    Map<String, String> custom = new LinkedHashMap<>();
    settings.forEach(
        (key, setting) -> {
          if (key.startsWith(CUSTOM)) {
            String name = key.substring(CUSTOM.length());
            String source = productField(key, false);
            if (name.isBlank() || name.length() > MAX_CUSTOM_FIELD_NAME) {
              problem(setting, key, "a BigCommerce custom field name is 1 to 250 characters");
            } else if (source != null) {
              custom.put(name, source);
            }
          }
        });
    return new CatalogMapping(
        sku == null ? CatalogMapping.DEFAULT_SKU_FIELD : sku, weight, custom, catalogOwnership());
  }

  /**
   * {@code ownership.catalog_fields}: the catalog fields Salesforce owns in this store (any of
   * {@link CatalogMapping#FIELDS}; {@code []}: none); null (all of them) when the file does not
   * say.
   */
  private java.util.Set<String> catalogOwnership() {
    String key = "ownership.catalog_fields";
    Setting setting = settings.get(key);
    if (setting == null || setting.value() == null) {
      return null;
    }
    List<?> values = setting.value() instanceof List<?> list ? list : List.of(setting.value());
    java.util.Set<String> owned = new java.util.LinkedHashSet<>();
    for (Object value : values) {
      String field = String.valueOf(value);
      if (!CatalogMapping.FIELDS.contains(field)) {
        problem(
            setting,
            key,
            "'"
                + field
                + "' is not a catalog field Salesforce can own (expected any of "
                + CatalogMapping.FIELDS
                + ")");
        return null;
      }
      owned.add(field);
    }
    return owned;
  }

  /** A Product2 field named by the setting, or null when it is absent or bad (then reported). */
  private String productField(String key, boolean numeric) {
    Setting setting = settings.get(key);
    if (setting == null || setting.value() == null) {
      return null;
    }
    String field = String.valueOf(setting.value()).trim();
    // Put into SOQL as it is: only a plain field name is accepted.
    if (!field.matches("[A-Za-z]\\w{0,79}")) {
      problem(setting, key, "expected a Product2 field name");
      return null;
    }
    java.util.Optional<ObjectSchema> product = schema.object("Product2");
    java.util.Optional<FieldSchema> known = product.flatMap(o -> o.field(field));
    if (product.isPresent() && known.isEmpty()) {
      problem(setting, key, "Product2 has no field '" + field + "'");
      return null;
    }
    if (numeric
        && known.isPresent()
        && !java.util.Set.of(FieldType.NUMBER, FieldType.CURRENCY, FieldType.PERCENT)
            .contains(known.get().type())) {
      problem(setting, key, "Product2." + field + " is not a number field");
      return null;
    }
    return field;
  }

  /**
   * {@code segments.price_lists: {<group id>: <price list id>}}: each group must be one the {@code
   * groups} table leads to (a typo would otherwise assign a list to a group nobody is moved into).
   */
  private ReverseMapping.GroupPriceLists groupPriceLists(Map<String, Long> groups) {
    String prefix = "segments.price_lists.";
    Map<Long, Long> byGroup = new LinkedHashMap<>();
    settings.forEach(
        (key, setting) -> {
          if (!key.startsWith(prefix)) {
            return;
          }
          String group = key.substring(prefix.length()).trim();
          if (!group.matches("\\d{1,18}") || !groups.containsValue(Long.parseLong(group))) {
            problem(
                setting,
                key,
                "'"
                    + group
                    + "' is not a customer group id of segments.groups "
                    + new java.util.TreeSet<>(groups.values()));
            return;
          }
          Long list = id(key, setting, 1);
          if (list != null) {
            byGroup.put(Long.parseLong(group), list);
          }
        });
    Setting channel = settings.get("segments.channel_id");
    Long channelId = null;
    if (channel != null && channel.value() != null) {
      channelId = id("segments.channel_id", channel, 1);
    }
    return new ReverseMapping.GroupPriceLists(byGroup, channelId);
  }

  private boolean createProducts() {
    Setting setting = settings.get("catalog.create_products");
    if (setting == null || setting.value() == null) {
      return false;
    }
    String value = String.valueOf(setting.value());
    if (!value.equals("true") && !value.equals("false")) {
      problem(setting, "catalog.create_products", "expected true or false");
      return false;
    }
    return Boolean.parseBoolean(value);
  }

  private String segmentField() {
    Setting setting = settings.get("segments.field");
    if (setting == null || setting.value() == null) {
      return ReverseMapping.DEFAULT_SEGMENT_FIELD;
    }
    String field = String.valueOf(setting.value());
    // Put into SOQL as it is: only a field name (or one Account.<field> hop) is accepted.
    if (!field.matches("(Account\\.)?[A-Za-z]\\w{0,79}")) {
      problem(setting, "segments.field", "expected a Contact field or Account.<field>");
      return ReverseMapping.DEFAULT_SEGMENT_FIELD;
    }
    String object = field.startsWith("Account.") ? "Account" : "Contact";
    String name = field.substring(field.indexOf('.') + 1);
    schema
        .object(object)
        .filter(o -> o.field(name).isEmpty())
        .ifPresent(
            o -> problem(setting, "segments.field", object + " has no field '" + name + "'"));
    return field;
  }

  private Long id(String key, Setting setting, long min) {
    String value = setting.value() == null ? "" : String.valueOf(setting.value()).trim();
    if (value.matches("\\d{1,18}") && Long.parseLong(value) >= min) {
      return Long.parseLong(value);
    }
    problem(
        setting,
        key,
        "'"
            + value
            + "' is not a BigCommerce "
            + (key.startsWith(GROUPS)
                ? "customer group id (0: no group)"
                : key.equals("segments.channel_id") ? "channel id" : "price list id"));
    return null;
  }

  /** {@code standard/EUR} or {@code 01s.../EUR} → the book (or 15-character id) and currency. */
  private String priceListKey(String key, Setting setting) {
    String written = key.substring(LISTS.length());
    String[] parts = written.split("/", -1);
    if (parts.length == 2 && parts[1].matches("[A-Za-z]{3}")) {
      String currency = parts[1].toUpperCase(Locale.ROOT);
      if (parts[0].equals("standard")) {
        return "standard/" + currency;
      }
      if (parts[0].matches("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}")) {
        return parts[0].substring(0, 15) + "/" + currency;
      }
    }
    problem(
        setting,
        key,
        "a price list key is standard/<currency> or <price book id>/<currency>, e.g."
            + " standard/EUR");
    return null;
  }

  private void problem(Setting setting, String key, String message) {
    problems.add(new MappingProblem(setting.location(), key, message));
  }
}
