package io.bcsync.sync.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: the Salesforce records flows write and the few facts they read back. Adapter: {@code
 * io.bcsync.salesforce.writer.SoapSalesforceRecords} (Partner SOAP API through force-wsc); tests
 * use an in-memory fake. Platform events (such as {@code BC_Sync_Status__e}) are published by
 * writing them with {@link RecordWrite#create}.
 *
 * <p>A call that cannot reach Salesforce at all throws an unchecked exception: the whole batch goes
 * back to the queue. Everything else is answered per record.
 */
public interface SalesforceRecords {

  /**
   * Writes records of many work items in as few calls as the API allows (grouped by object,
   * operation and external id field; parents first). Each record gets its own result; once a record
   * of a work item fails, that item's later records are not sent.
   */
  WriteReport write(List<RecordWrite> writes);

  /**
   * Deletes records by id. Answers the error of each id that could not be deleted; an id absent
   * from the answer is gone (deleted now, or already before: deleting twice is not an error).
   */
  Map<String, RecordError> delete(Collection<String> ids);

  /**
   * The Account of each given Contact, keyed by the id as given (15 or 18 characters); Contacts
   * without an Account, or that do not exist, are absent.
   */
  Map<String, String> accountsOfContacts(Collection<String> contactIds);

  /**
   * The ids of the live records of {@code sobjectType} whose {@code keyPath} holds one of the keys,
   * by key as given (compared ignoring case, as SOQL compares text); a key no record holds is
   * absent. {@code keyPath} is a field of the object or a parent's field through its relationship
   * ({@code "Opportunity.BC_Order_Id__c"}). What a flow asks before choosing insert-only writes, to
   * find what an earlier attempt wrote although its answer was lost. One query per 100 keys.
   */
  Map<String, List<String>> idsByKey(String sobjectType, String keyPath, Collection<String> keys);

  /**
   * Fields of records of one object by id, in one query per 500 ids, so a claimed batch (at most
   * 400 items) costs one query: what a flow re-reads when change events lack fields its mapping
   * needs). {@code fieldPaths} are fields of the object or a parent's field through its
   * relationship ({@code "Product2.ProductCode"}); each answer maps every asked path to its value
   * as text (null when empty). Records that do not exist or are deleted are absent; the answer is
   * keyed by the id as given (15 or 18 characters).
   */
  Map<String, Map<String, String>> read(
      String sobjectType, List<String> fieldPaths, Collection<String> ids);
}
