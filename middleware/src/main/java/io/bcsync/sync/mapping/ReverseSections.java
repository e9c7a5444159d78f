package io.bcsync.sync.mapping;

import io.bcsync.sync.mapping.MappingDocument.Setting;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the sections of a mapping file that steer Salesforce → BigCommerce writes ({@code
 * segments:}, {@code price_lists:}, {@code customers:}) into settings, each row with its own line;
 * {@link ReverseSettingsReader} checks their values.
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
