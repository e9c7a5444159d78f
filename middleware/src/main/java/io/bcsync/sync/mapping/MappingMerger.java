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
    return new MappingDocument(overlay.file(), objects, lookups, settings);
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
