package io.bcsync.sync.mapping;

import io.bcsync.sync.mapping.MappingDocument.Setting;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the sections of a mapping file that steer Salesforce → BigCommerce writes ({@code
 * segments:}, {@code price_lists:}, {@code catalog:}, {@code customers:}) into settings, each row
 * with its own line; {@link ReverseSettingsReader} checks their values.
 */
final class ReverseSections {
  private final YamlNodes nodes;

  ReverseSections(YamlNodes nodes) {
    this.nodes = nodes;
  }

  /**
   * {@code segments: {field: BC_Segment__c, groups: {Gold: 12}}}: the Salesforce field whose value
   * names the customer's BigCommerce group, and the table from value to group id.
   */
  void segments(Node node, Map<String, Setting> settings) {
    for (NodeTuple entry : nodes.entries(node, "segments")) {
      String key = nodes.scalar(entry.getKeyNode(), "segments");
      if ("field".equals(key)) {
        settings.put(
            "segments.field",
            new Setting(
                nodes.scalar(entry.getValueNode(), "segments.field"),
                nodes.at(entry.getValueNode())));
      } else if ("groups".equals(key)) {
        table("segments.groups", entry.getValueNode(), settings);
      } else if ("price_lists".equals(key)) {
        table("segments.price_lists", entry.getValueNode(), settings);
      } else if ("channel_id".equals(key)) {
        settings.put(
            "segments.channel_id",
            new Setting(
                nodes.scalar(entry.getValueNode(), "segments.channel_id"),
                nodes.at(entry.getValueNode())));
      } else if (key != null) {
        nodes.problem(
            nodes.at(entry.getKeyNode()),
            "segments",
            "unknown key '" + key + "' (expected [field, groups, price_lists, channel_id])");
      }
    }
  }

  /**
   * {@code customers: {create_customers: true, fields: {notes: Description}}}: whether Contacts
   * without a customer get one in this store, and the customer fields mapped from Contact fields.
   */
  void customers(Node node, Map<String, Setting> settings) {
    for (NodeTuple entry : nodes.entries(node, "customers")) {
      String key = nodes.scalar(entry.getKeyNode(), "customers");
      if ("create_customers".equals(key)) {
        settings.put(
            "customers.create_customers",
            new Setting(
                nodes.scalar(entry.getValueNode(), "customers.create_customers"),
                nodes.at(entry.getValueNode())));
      } else if ("fields".equals(key)) {
        table("customers.fields", entry.getValueNode(), settings);
      } else if (key != null) {
        nodes.problem(
            nodes.at(entry.getKeyNode()),
            "customers",
            "unknown key '" + key + "' (expected [create_customers, fields])");
      }
    }
  }

  /**
   * {@code catalog: {create_products: false, sku_field: ProductCode, weight_field: Weight__c,
   * custom_fields: {Material: Material__c}}}: whether Salesforce may create products, and which
   * Product2 fields set the SKU, the weight and each BigCommerce custom field.
   */
  void catalog(Node node, Map<String, Setting> settings) {
    for (NodeTuple entry : nodes.entries(node, "catalog")) {
      String key = nodes.scalar(entry.getKeyNode(), "catalog");
      if ("custom_fields".equals(key)) {
        table("catalog.custom_fields", entry.getValueNode(), settings);
      } else if (CATALOG_SCALARS.contains(key)) {
        settings.put(
            "catalog." + key,
            new Setting(
                nodes.scalar(entry.getValueNode(), "catalog." + key),
                nodes.at(entry.getValueNode())));
      } else if (key != null) {
        nodes.problem(
            nodes.at(entry.getKeyNode()),
            "catalog",
            "unknown key '"
                + key
                + "' (expected [create_products, sku_field, weight_field, custom_fields])");
      }
    }
  }

  /**
   * {@code inventory: {locations: [{location_id: 1, field: BC_Inventory_Level__c}, ...]}}: each
   * location Salesforce sets the stock of, and the Product2 field it is set from; kept as {@code
   * inventory.locations.<location_id>} settings with their lines (a location listed twice is an
   * error). The whole list is the store's: a store file that has one replaces the default.
   */
  void inventory(Node node, Map<String, Setting> settings) {
    for (NodeTuple entry : nodes.entries(node, "inventory")) {
      String key = nodes.scalar(entry.getKeyNode(), "inventory");
      if (!"locations".equals(key)) {
        if (key != null) {
          nodes.problem(
              nodes.at(entry.getKeyNode()),
              "inventory",
              "unknown key '" + key + "' (expected [locations])");
        }
        continue;
      }
      if (!(entry.getValueNode() instanceof org.yaml.snakeyaml.nodes.SequenceNode rows)) {
        nodes.problem(
            nodes.at(entry.getValueNode()),
            "inventory.locations",
            "expected a list of {location_id, field}");
        continue;
      }
      for (Node row : rows.getValue()) {
        Map<String, Node> spec =
            nodes.keyed(row, "inventory.locations", java.util.Set.of("location_id", "field"));
        Node id = spec.get("location_id");
        Node field = spec.get("field");
        if (id == null || field == null) {
          nodes.problem(
              nodes.at(row), "inventory.locations", "each location needs location_id and field");
          continue;
        }
        String location = nodes.scalar(id, "inventory.locations.location_id");
        String setting = "inventory.locations." + location;
        if (settings.put(setting, new Setting(nodes.scalar(field, setting), nodes.at(field)))
            != null) {
          nodes.problem(
              nodes.at(id), "inventory.locations", "location " + location + " listed twice");
        }
      }
    }
  }

  private static final java.util.Set<String> CATALOG_SCALARS =
      java.util.Set.of("create_products", "sku_field", "weight_field");

  /**
   * A table of key: value rows, each kept as its own setting ({@code prefix.key}) with its line, so
   * a store file adds rows to the shipped ones and a bad value is reported where it is written.
   */
  void table(String prefix, Node node, Map<String, Setting> settings) {
    for (NodeTuple row : nodes.entries(node, prefix)) {
      String from = nodes.scalar(row.getKeyNode(), prefix);
      if (from == null) {
        continue;
      }
      String to = nodes.scalar(row.getValueNode(), prefix + "." + from);
      if (settings.put(prefix + "." + from, new Setting(to, nodes.at(row.getValueNode())))
          != null) {
        nodes.problem(nodes.at(row.getKeyNode()), prefix, "key '" + from + "' listed twice");
      }
    }
  }
}
