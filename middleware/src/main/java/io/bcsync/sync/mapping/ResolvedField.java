package io.bcsync.sync.mapping;

/** A field mapping together with the schema of the field it writes, after validation. */
public record ResolvedField(FieldMapping mapping, FieldSchema target) {}
