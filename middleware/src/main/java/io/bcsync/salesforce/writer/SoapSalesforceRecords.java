package io.bcsync.salesforce.writer;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.bind.XmlObject;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.salesforce.soap.Soql;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link SalesforceRecords} port over the Partner SOAP API: writes through {@link
 * SalesforceWriter} (batched, parents first), deletes and reads in calls of at most 200 ids.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class SoapSalesforceRecords implements SalesforceRecords {
  /** Ids per delete call and per IN list: the Partner API's limit for delete. */
  static final int IDS_PER_CALL = 200;

  /** Keys per lookup query: each IN list stays well under SOQL's 4,000 characters per literal. */
  private static final int KEYS_PER_QUERY = 100;

  /** Object and field names only: they are put into SOQL as they are. */
  private static final Pattern NAME = Pattern.compile("\\w+");

  private static final Pattern PATH = Pattern.compile("\\w+(\\.\\w+)?");

  private final SalesforceWriter writer;
  private final SalesforceConnector connector;

  public SoapSalesforceRecords(SalesforceWriter writer, SalesforceConnector connector) {
    this.writer = writer;
    this.connector = connector;
  }

  @Override
  public WriteReport write(List<RecordWrite> writes) {
    if (writes.isEmpty()) {
      return new WriteReport(List.of(), 0);
    }
    try {
      return writer.write(writes);
    } catch (ConnectionException e) {
      throw new SalesforceUnreachableException(
          "writing " + writes.size() + " records",
          SalesforceErrors.ofCallFailure(e),
          e,
          SalesforceUnreachableException.writes(writes));
    }
  }

  @Override
  public Map<String, RecordError> delete(Collection<String> ids) {
    Map<String, RecordError> failed = new LinkedHashMap<>();
    List<String> all = List.copyOf(ids);
    try {
      SalesforceSession session = connector.session();
      for (int from = 0; from < all.size(); from += IDS_PER_CALL) {
        String[] chunk =
            all.subList(from, Math.min(all.size(), from + IDS_PER_CALL)).toArray(String[]::new);
        DeleteResult[] results = session.call(c -> c.delete(chunk));
        for (int i = 0; i < results.length; i++) {
          RecordError error = deleteError(results[i]);
          if (error != null) {
            failed.put(chunk[i], error);
          }
        }
      }
    } catch (ConnectionException e) {
      throw new SalesforceUnreachableException(
          "deleting " + all.size() + " records", SalesforceErrors.ofCallFailure(e), e);
    }
    return failed;
  }

  /** Null when the record is gone: deleted now, or already deleted (a retry after a crash). */
  private static RecordError deleteError(DeleteResult result) {
    if (result.isSuccess()) {
      return null;
    }
    List<RecordError> errors = SalesforceWriter.errors(result.getErrors());
    if (errors.stream().anyMatch(e -> "ENTITY_IS_DELETED".equals(e.statusCode()))) {
      return null;
    }
    return errors.isEmpty()
        ? new RecordError("UNKNOWN", "delete failed without an error", null, true)
        : errors.get(0);
  }

  @Override
  public Map<String, String> accountsOfContacts(Collection<String> contactIds) {
    // Salesforce answers 18-character ids; callers may hold 15-character ones.
    Map<String, String> givenByShortId = new HashMap<>();
    contactIds.forEach(id -> givenByShortId.put(shortId(id), id));
    List<String> ids = new ArrayList<>(givenByShortId.values());
    Map<String, String> accounts = new LinkedHashMap<>();
    String soql = null;
    try {
      SalesforceSession session = connector.session();
      for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_CALL));
        soql = "SELECT Id, AccountId FROM Contact WHERE Id IN " + Soql.inList(chunk);
        for (SObject contact : SalesforceQueries.queryAll(session, soql)) {
          Object account = contact.getField("AccountId");
          String given = givenByShortId.get(shortId(contact.getId()));
          if (given != null && account != null && !account.toString().isBlank()) {
            accounts.put(given, account.toString());
          }
        }
      }
    } catch (ConnectionException e) {
      throw new SalesforceUnreachableException(
          "reading the Accounts of " + ids.size() + " Contacts",
          SalesforceErrors.ofCallFailure(e),
          e,
          soql == null ? null : SalesforceUnreachableException.query(soql));
    }
    return accounts;
  }

  @Override
  public Map<String, List<String>> idsByKey(
      String sobjectType, String keyPath, Collection<String> keys) {
    if (!NAME.matcher(sobjectType).matches() || !PATH.matcher(keyPath).matches()) {
      throw new IllegalArgumentException("not an object and field: " + sobjectType + " " + keyPath);
    }
    Map<String, String> givenByLowerCase = new LinkedHashMap<>();
    keys.forEach(k -> givenByLowerCase.put(k.toLowerCase(Locale.ROOT), k));
    List<String> all = new ArrayList<>(givenByLowerCase.values());
    Map<String, List<String>> ids = new LinkedHashMap<>();
    String soql = null;
    try {
      SalesforceSession session = connector.session();
      for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
        soql =
            "SELECT Id, "
                + keyPath
                + " FROM "
                + sobjectType
                + " WHERE "
                + keyPath
                + " IN "
                + Soql.inList(chunk);
        for (SObject row : SalesforceQueries.queryAll(session, soql)) {
          Object value = valueAt(row, keyPath);
          String given =
              value == null
                  ? null
                  : givenByLowerCase.get(value.toString().toLowerCase(Locale.ROOT));
          if (given != null) {
            ids.computeIfAbsent(given, k -> new ArrayList<>()).add(row.getId());
          }
        }
      }
    } catch (ConnectionException e) {
      throw new SalesforceUnreachableException(
          "looking up " + sobjectType + " by " + keyPath,
          SalesforceErrors.ofCallFailure(e),
          e,
          soql == null ? null : SalesforceUnreachableException.query(soql));
    }
    return ids;
  }

  /** Ids per re-read query: a whole claimed batch in one query, far below SOQL's length limit. */
  static final int IDS_PER_READ = 500;

  @Override
  public Map<String, Map<String, String>> read(
      String sobjectType, List<String> fieldPaths, Collection<String> ids) {
    if (!NAME.matcher(sobjectType).matches()
        || fieldPaths.stream().anyMatch(f -> !PATH.matcher(f).matches())) {
      throw new IllegalArgumentException(
          "not an object and fields: " + sobjectType + " " + fieldPaths);
    }
    Map<String, String> givenByShortId = new LinkedHashMap<>();
    ids.forEach(id -> givenByShortId.put(shortId(id), id));
    List<String> all = new ArrayList<>(givenByShortId.values());
    Set<String> select = new LinkedHashSet<>();
    select.add("Id");
    select.addAll(fieldPaths);
    Map<String, Map<String, String>> found = new LinkedHashMap<>();
    String soql = null;
    try {
      SalesforceSession session = connector.session();
      for (int from = 0; from < all.size(); from += IDS_PER_READ) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_READ));
        soql =
            "SELECT "
                + String.join(", ", select)
                + " FROM "
                + sobjectType
                + " WHERE Id IN "
                + Soql.inList(chunk);
        for (SObject row : SalesforceQueries.queryAll(session, soql)) {
          String given = givenByShortId.get(shortId(row.getId()));
          if (given == null) {
            continue;
          }
          Map<String, String> values = new LinkedHashMap<>();
          for (String path : fieldPaths) {
            Object value = valueAt(row, path);
            values.put(path, value == null || value.toString().isEmpty() ? null : value.toString());
          }
          found.put(given, values);
        }
      }
    } catch (ConnectionException e) {
      throw new SalesforceUnreachableException(
          "re-reading " + all.size() + " " + sobjectType + " records",
          SalesforceErrors.ofCallFailure(e),
          e,
          soql == null ? null : SalesforceUnreachableException.query(soql));
    }
    return found;
  }

  /** A field's value, or a parent's field's through the nested relationship record. */
  private static Object valueAt(XmlObject row, String path) {
    Object value = row;
    for (String segment : path.split("\\.")) {
      if (!(value instanceof XmlObject object)) {
        return null;
      }
      value = object.getField(segment);
    }
    return value;
  }

  private static String shortId(String id) {
    return id.length() > 15 ? id.substring(0, 15) : id;
  }
}
