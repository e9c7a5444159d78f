package io.bcsync.sync.requests;

import io.bcsync.pipeline.EntityRef;

/** What a sync request asks for, once resolved. */
sealed interface SyncRequestTarget {

  /** Read this BigCommerce entity again and write it to Salesforce. */
  record Resync(EntityRef entity) implements SyncRequestTarget {}

  /** Write this Salesforce record to BigCommerce. */
  record Push(EntityRef record) implements SyncRequestTarget {}

  /** Nothing can be done; answered FAILED with this code and message. */
  record Refused(String errorCode, String message) implements SyncRequestTarget {}
}
