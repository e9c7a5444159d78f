package io.bcsync.sync.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mapping file as written, before it is merged with the defaults and validated. Anything may be
 * missing here; a store file usually holds only what differs from the shipped defaults.
 *
 * @param settings scalar and list settings by dotted key ({@code matching.rules}, {@code
 *     orders.target}, ...)
 */
record MappingDocument(
    String file,
    Map<String, ObjectEntry> objects,
    Map<String, LookupTable> lookups,
    Map<String, Setting> settings,
    Map<String, RuleEntry> rules) {

  /**
   * An object's section. A field whose value is {@code null} was written as {@code ~}: it removes
   * the default mapping.
   */
  record ObjectEntry(
      String object,
      SourceKind source,
      String parent,
      List<String> linkedBySync,
      LinkedHashMap<String, FieldMapping> fields,
      SourceLocation location) {}

  record LookupTable(String name, Map<String, String> entries, SourceLocation location) {}

  /**
   * One rule's keys as written ({@code enabled}, {@code trigger}, {@code when}, {@code actions}),
   * each with the file it came from: a store file may override single keys of a shipped rule (most
   * often just {@code enabled: true}), so the keys of one rule can come from two files.
   */
  record RuleEntry(String name, Map<String, RuleKey> keys, SourceLocation location) {}

  /** {@code name} is the key's own node, for the line of an unknown key. */
  record RuleKey(
      org.yaml.snakeyaml.nodes.Node name, org.yaml.snakeyaml.nodes.Node node, String file) {}

  /** A setting's value is a String or a List of Strings. */
  record Setting(Object value, SourceLocation location) {}
}
