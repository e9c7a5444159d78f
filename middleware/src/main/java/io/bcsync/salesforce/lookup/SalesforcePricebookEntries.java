package io.bcsync.salesforce.lookup;

import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.config.SalesforceLookupConfig;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.salesforce.soap.Soql;
import io.bcsync.salesforce.writer.SalesforceWriter;
import io.bcsync.sync.catalog.PricebookEntries;
import io.bcsync.sync.catalog.ProductLine;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a batch's products orderable with a handful of calls, and then with none: known variant
 * keys are answered from memory. For unknown ones: one query for their Product2 rows, one upsert
 * for the missing products, one query for their entries in the standard and the order price book,
 * then creates (standard book first, because Salesforce refuses a custom-book entry without an
 * active standard one) and activations of inactive entries. Each step is one call per 200 records
 * (queries: per ~700 keys).
 *
 * <p>Calls are serialised: two workers ensuring the same new product at once would otherwise both
 * create its entries, and the second would fail with DUPLICATE_VALUE. Another instance is not
 * serialised with this one: when it created an entry after this batch looked (its Product2 upsert
 * then matches the product the other instance created, so this batch takes the product for new and
 * does not look), the create fails with DUPLICATE_VALUE ("This price definition already exists in
 * this price book"); the batch reads those entries again and uses them instead of failing (seen in
 * scripts/check-rolling-upgrade: a whole batch of 400 orders failed and ran again).
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class SalesforcePricebookEntries implements PricebookEntries {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforcePricebookEntries.class);
  static final String KEY_FIELD = "BC_Variant_Key__c";

  /**
   * Keys per IN list; a key is at most 80 characters, so a statement stays far below SOQL's limit.
   */
  static final int KEYS_PER_QUERY = 700;

  private final SalesforceConnector connector;
  private final SalesforceWriter writer;
  private final SalesforceLookupConfig config;
  private final EntryCache cache;
  private String standardBookId;
  private String orderBookId;

  public SalesforcePricebookEntries(
      SalesforceConnector connector, SalesforceWriter writer, SalesforceLookupConfig config) {
    this.connector = connector;
    this.writer = writer;
    this.config = config;
    this.cache = new EntryCache(config.productCacheSize());
  }

  @Override
  public synchronized String orderPricebookId() throws ConnectionException {
    if (orderBookId == null) {
      orderBookId =
          config.pricebookId() != null
              ? requireBook(
                  "Id = " + Soql.literal(config.pricebookId()), "bcsync.salesforce.pricebook-id")
              : config.pricebookName() != null
                  ? requireBook(
                      "Name = " + Soql.literal(config.pricebookName()),
                      "bcsync.salesforce.pricebook-name")
                  : standardPricebookId();
    }
    return orderBookId;
  }

  synchronized String standardPricebookId() throws ConnectionException {
    if (standardBookId == null) {
      standardBookId = requireBook("IsStandard = true", "the standard price book");
    }
    return standardBookId;
  }

  private String requireBook(String condition, String what) throws ConnectionException {
    List<SObject> rows =
        SalesforceQueries.queryAll(
            connector.session(), "SELECT Id, IsActive FROM Pricebook2 WHERE " + condition);
    if (rows.size() != 1) {
      throw new IllegalStateException(
          "Expected exactly one Salesforce price book for " + what + ", found " + rows.size());
    }
    return rows.get(0).getId();
  }

  @Override
  public synchronized Map<String, String> ensure(Collection<ProductLine> lines) throws Exception {
    Map<String, ProductLine> byKey = new LinkedHashMap<>();
    lines.forEach(line -> byKey.putIfAbsent(line.variantKey(), line));
    Map<String, String> ensured = new LinkedHashMap<>();
    List<ProductLine> unknown = new ArrayList<>();
    byKey.forEach(
        (key, line) ->
            cache.get(key).ifPresentOrElse(id -> ensured.put(key, id), () -> unknown.add(line)));
    if (unknown.isEmpty()) {
      return ensured;
    }
    Batch batch = new Batch(unknown, orderPricebookId(), standardPricebookId());
    batch.run();
    batch.entryIds.forEach(
        (key, id) -> {
          cache.put(key, id);
          ensured.put(key, id);
        });
    if (!batch.failures.isEmpty()) {
      throw new ProductEnsureException(ensured, batch.failures, batch.allFailuresRetryable);
    }
    LOG.debug("Ensured {} new products in Salesforce; {} cached", unknown.size(), cache.size());
    return ensured;
  }

  /** The work for one batch of unknown variant keys. */
  private final class Batch {
    private final List<ProductLine> lines;
    private final String orderBook;
    private final String standardBook;
    private final Map<String, String> productIds = new HashMap<>();
    private final Map<String, String> entryIds = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private boolean allFailuresRetryable = true;

    Batch(List<ProductLine> lines, String orderBook, String standardBook) {
      this.lines = lines;
      this.orderBook = orderBook;
      this.standardBook = standardBook;
    }

    void run() throws ConnectionException {
      SalesforceSession session = connector.session();
      List<String> keys = lines.stream().map(ProductLine::variantKey).toList();
      for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
        List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
        SalesforceQueries.forEachPage(
            session,
            "SELECT Id, "
                + KEY_FIELD
                + " FROM Product2 WHERE "
                + KEY_FIELD
                + " IN "
                + Soql.inList(chunk),
            2000,
            page ->
                page.forEach(
                    row -> productIds.put(String.valueOf(row.getField(KEY_FIELD)), row.getId())));
      }
      Set<String> existing = Set.copyOf(productIds.keySet());
      createMissingProducts();
      // Entries can exist only for products that existed before this batch.
      Map<String, Map<String, SObject>> entries = existingEntries(session, existing);
      ensureEntries(standardBook, entries);
      if (!orderBook.equals(standardBook)) {
        ensureEntries(orderBook, entries);
      }
    }

    private void createMissingProducts() throws ConnectionException {
      List<ProductLine> missing =
          lines.stream().filter(l -> !productIds.containsKey(l.variantKey())).toList();
      List<RecordWrite> writes = new ArrayList<>();
      for (int i = 0; i < missing.size(); i++) {
        ProductLine line = missing.get(i);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(KEY_FIELD, line.variantKey());
        fields.put(
            "Name", truncate(firstNonBlank(line.name(), line.sku(), line.variantKey()), 255));
        if (line.sku() != null && !line.sku().isBlank()) {
          fields.put("ProductCode", truncate(line.sku(), 255));
        }
        fields.put("IsActive", Boolean.TRUE);
        writes.add(RecordWrite.upsert(i, "Product2", KEY_FIELD, fields));
      }
      for (RecordResult result : write(writes)) {
        String key = (String) result.write().fields().get(KEY_FIELD);
        if (result.success()) {
          productIds.put(key, result.id());
        } else {
          fail(key, "Product2", result.errors());
        }
      }
    }

    /** Product2Id -> Pricebook2Id -> entry, for both books. */
    private Map<String, Map<String, SObject>> existingEntries(
        SalesforceSession session, Set<String> existingKeys) throws ConnectionException {
      Map<String, Map<String, SObject>> entries = new HashMap<>();
      List<String> ids = existingKeys.stream().map(productIds::get).toList();
      List<String> books =
          orderBook.equals(standardBook) ? List.of(standardBook) : List.of(standardBook, orderBook);
      for (int from = 0; from < ids.size(); from += KEYS_PER_QUERY) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + KEYS_PER_QUERY));
        SalesforceQueries.forEachPage(
            session,
            "SELECT Id, Product2Id, Pricebook2Id, IsActive FROM PricebookEntry"
                + " WHERE Product2Id IN "
                + Soql.inList(chunk)
                + " AND Pricebook2Id IN "
                + Soql.inList(books),
            2000,
            page ->
                page.forEach(
                    row ->
                        entries
                            .computeIfAbsent(
                                sameId(row.getField("Product2Id")), k -> new HashMap<>())
                            .put(sameId(row.getField("Pricebook2Id")), row)));
      }
      return entries;
    }

    /**
     * Creates the book's missing entries and activates its inactive ones; records the order book's
     * ids.
     */
    private void ensureEntries(String book, Map<String, Map<String, SObject>> entries)
        throws ConnectionException {
      List<Integer> everyLine = IntStream.range(0, lines.size()).boxed().toList();
      List<Integer> createdMeanwhile = writeEntries(book, entries, everyLine, true);
      if (!createdMeanwhile.isEmpty()) {
        Set<String> keys = new HashSet<>();
        createdMeanwhile.forEach(i -> keys.add(lines.get(i).variantKey()));
        LOG.info(
            "{} price book entries were created by another instance meanwhile; using them",
            createdMeanwhile.size());
        writeEntries(book, existingEntries(connector.session(), keys), createdMeanwhile, false);
      }
    }

    /**
     * Creates or activates the entries of the lines at {@code indexes}. Returns the lines whose
     * create failed because the entry exists now (only when {@code adoptExisting}; otherwise that
     * fails them like any other error).
     */
    private List<Integer> writeEntries(
        String book,
        Map<String, Map<String, SObject>> entries,
        List<Integer> indexes,
        boolean adoptExisting)
        throws ConnectionException {
      List<RecordWrite> writes = new ArrayList<>();
      for (int i : indexes) {
        ProductLine line = lines.get(i);
        String productId = productIds.get(line.variantKey());
        if (productId == null || failures.containsKey(line.variantKey())) {
          continue;
        }
        SObject entry = entries.getOrDefault(sameId(productId), Map.of()).get(sameId(book));
        if (entry == null) {
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put("Pricebook2Id", book);
          fields.put("Product2Id", productId);
          fields.put("UnitPrice", line.unitPrice() == null ? BigDecimal.ZERO : line.unitPrice());
          fields.put("IsActive", Boolean.TRUE);
          writes.add(RecordWrite.create(i, "PricebookEntry", fields));
        } else {
          if (!"true".equalsIgnoreCase(String.valueOf(entry.getField("IsActive")))) {
            writes.add(
                RecordWrite.update(
                    i, "PricebookEntry", Map.of("Id", entry.getId(), "IsActive", Boolean.TRUE)));
          } else if (book.equals(orderBook)) {
            entryIds.put(line.variantKey(), entry.getId());
          }
        }
      }
      List<Integer> createdMeanwhile = new ArrayList<>();
      for (RecordResult result : write(writes)) {
        int index = (int) result.write().workItemId();
        String key = lines.get(index).variantKey();
        if (!result.success()) {
          if (adoptExisting && isExistingEntry(result)) {
            createdMeanwhile.add(index);
          } else {
            fail(key, "PricebookEntry", result.errors());
          }
        } else if (book.equals(orderBook)) {
          entryIds.put(key, result.id());
        }
      }
      return createdMeanwhile;
    }

    private static boolean isExistingEntry(RecordResult result) {
      return result.write().operation() == WriteOperation.CREATE
          && !result.errors().isEmpty()
          && result.errors().stream().allMatch(e -> "DUPLICATE_VALUE".equals(e.statusCode()));
    }

    private List<RecordResult> write(List<RecordWrite> writes) throws ConnectionException {
      return writes.isEmpty() ? List.of() : writer.write(writes).results();
    }

    private void fail(String key, String object, List<RecordError> errors) {
      failures.put(
          key,
          object + ": " + String.join("; ", errors.stream().map(e -> e.statusCode()).toList()));
      allFailuresRetryable &= errors.stream().allMatch(RecordError::retryable);
      entryIds.remove(key);
    }
  }

  /** Ids compared on their 15-character, case-sensitive form: queries may return either length. */
  private static String sameId(Object id) {
    String text = String.valueOf(id);
    return text.length() >= 15 ? text.substring(0, 15) : text;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    throw new IllegalArgumentException("a product line needs a name, SKU or variant key");
  }

  private static String truncate(String value, int length) {
    return value.length() <= length ? value : value.substring(0, length);
  }
}
