package io.bcsync.sync.port;

/** The Partner API call a record goes through. */
public enum WriteOperation {
  CREATE,
  UPDATE,
  /**
   * Needs an external id field; matches zero records (insert), one (update) or several (error for
   * that record).
   */
  UPSERT
}
