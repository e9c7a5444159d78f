package io.bcsync.sync.mapping;

/** {@code field ← source} plus transforms, remembering where it was written. */
public record FieldMapping(
    String field, ValueSource source, FieldOptions options, SourceLocation location) {}
