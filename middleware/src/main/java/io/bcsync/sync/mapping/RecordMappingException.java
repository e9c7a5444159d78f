package io.bcsync.sync.mapping;

/**
 * A document that cannot be mapped with a valid mapping (a required value missing, a number that is
 * not one). Retrying cannot help, so callers should treat it as a permanent failure of that item;
 * the message names object, field and mapping line but never the value, which may be personal data.
 */
public final class RecordMappingException extends RuntimeException {
  public RecordMappingException(String message) {
    super(message);
  }
}
