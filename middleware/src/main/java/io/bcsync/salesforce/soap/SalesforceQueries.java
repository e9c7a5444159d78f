package io.bcsync.salesforce.soap;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Query helpers: follow queryMore until done, so callers never see a partial result by accident.
 */
public final class SalesforceQueries {
  private SalesforceQueries() {}

  /** Receives each page's records; large results need not fit in memory. */
  @FunctionalInterface
  public interface PageConsumer {
    void accept(List<SObject> records) throws ConnectionException;
  }

  /** Runs the query and hands every page to the consumer; returns the number of records seen. */
  public static int forEachPage(SalesforceSession session, String soql, PageConsumer consumer)
      throws ConnectionException {
    return forEachPage(session, soql, null, consumer);
  }

  /**
   * @param pageSize QueryOptions batch size (Salesforce clamps it to 200..2000), or null for the
   *     default (500)
   */
  public static int forEachPage(
      SalesforceSession session, String soql, Integer pageSize, PageConsumer consumer)
      throws ConnectionException {
    QueryResult page = session.call(c -> withPageSize(c, pageSize, () -> c.query(soql)));
    int seen = 0;
    while (true) {
      SObject[] records = page.getRecords() == null ? new SObject[0] : page.getRecords();
      seen += records.length;
      if (records.length > 0) {
        consumer.accept(Arrays.asList(records));
      }
      if (page.isDone() || page.getQueryLocator() == null) {
        return seen;
      }
      String locator = page.getQueryLocator();
      page = session.call(c -> withPageSize(c, pageSize, () -> c.queryMore(locator)));
    }
  }

  private interface Query {
    QueryResult run() throws ConnectionException;
  }

  /**
   * QueryOptions stays on the connection until cleared; clear it so it never leaks into other
   * callers' queries.
   */
  private static QueryResult withPageSize(
      com.sforce.soap.partner.PartnerConnection c, Integer pageSize, Query query)
      throws ConnectionException {
    if (pageSize == null) {
      return query.run();
    }
    c.setQueryOptions(pageSize);
    try {
      return query.run();
    } finally {
      c.clearQueryOptions();
    }
  }

  public static List<SObject> queryAll(SalesforceSession session, String soql)
      throws ConnectionException {
    List<SObject> all = new ArrayList<>();
    forEachPage(session, soql, all::addAll);
    return all;
  }
}
