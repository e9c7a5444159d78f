package io.bcsync.sync.mapping;

import io.bcsync.sync.mapping.MappingDocument.ObjectEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lays a store's file over the shipped defaults: a field the store maps replaces the default
 * mapping of that field, {@code Field: ~} removes it, new objects and fields are added; lookup
 * tables and settings are replaced by name. Store files therefore stay short, and improvements to
 * the defaults reach every store that did not override them.
 */
final class MappingMerger {
  private MappingMerger() {}

  static MappingDocument merge(MappingDocument base, MappingDocument overlay) {
    Map<String, ObjectEntry> objects = new LinkedHashMap<>(base.objects());
    overlay
        .objects()
        .forEach((name, entry) -> objects.merge(name, entry, MappingMerger::mergeObject));
    Map<String, MappingDocument.LookupTable> lookups = new LinkedHashMap<>(base.lookups());
    lookups.putAll(overlay.lookups());
    Map<String, MappingDocument.Setting> settings = new LinkedHashMap<>(base.settings());
    settings.putAll(overlay.settings());
    Map<String, MappingDocument.RuleEntry> rules = new LinkedHashMap<>(base.rules());
    overlay.rules().forEach((name, rule) -> rules.merge(name, rule, MappingMerger::mergeRule));
    return new MappingDocument(overlay.file(), objects, lookups, settings, rules);
  }

  /** A rule's keys the store sets replace the shipped rule's; the others stay. */
  private static MappingDocument.RuleEntry mergeRule(
      MappingDocument.RuleEntry base, MappingDocument.RuleEntry overlay) {
    Map<String, MappingDocument.RuleKey> keys = new LinkedHashMap<>(base.keys());
    keys.putAll(overlay.keys());
    return new MappingDocument.RuleEntry(base.name(), keys, overlay.location());
  }

  private static ObjectEntry mergeObject(ObjectEntry base, ObjectEntry overlay) {
    LinkedHashMap<String, FieldMapping> fields = new LinkedHashMap<>(base.fields());
    fields.putAll(overlay.fields());
    return new ObjectEntry(
        base.object(),
        overlay.source() != null ? overlay.source() : base.source(),
        overlay.parent() != null ? overlay.parent() : base.parent(),
        overlay.linkedBySync() != null ? overlay.linkedBySync() : base.linkedBySync(),
        fields,
        overlay.location());
  }
}
