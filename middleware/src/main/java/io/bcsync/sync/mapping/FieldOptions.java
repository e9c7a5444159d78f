package io.bcsync.sync.mapping;

import java.time.ZoneId;

/**
 * The transforms of one field mapping, applied to the source's value (a path, constant, concat or
 * sum) in this order: {@code join} (several JSONPath results into one text), {@code lookup}, {@code
 * default}, conversion to the target field's type (reading dates with {@code date} and {@code
 * zone}, rounding numbers to {@code scale}, writing text with {@code format}), then truncation to
 * the field's length unless {@code truncate} is false. Every option may be null (absent).
 */
public record FieldOptions(
    String join,
    String lookup,
    String defaultValue,
    String date,
    ZoneId zone,
    Integer scale,
    String format,
    boolean truncate) {

  public static final String DEFAULT_JOIN = ", ";

  public static FieldOptions none() {
    return new FieldOptions(null, null, null, null, null, null, null, true);
  }

  public String joinOrDefault() {
    return join == null ? DEFAULT_JOIN : join;
  }
}
