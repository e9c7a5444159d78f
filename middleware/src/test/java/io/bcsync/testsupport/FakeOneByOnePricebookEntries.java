package io.bcsync.testsupport;

import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.salesforce.soap.Soql;
import io.bcsync.sync.catalog.PricebookEntries;
import io.bcsync.sync.catalog.ProductLine;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TEST FAKE of the PricebookEntries port (the batched, cached one is built elsewhere): ensures each product one by
 * one in the standard price book (query, then create Product2 and PricebookEntry when missing), caching the answers.
 */
@Singleton
@Requires(property = "test.fake-salesforce-lookups", value = "true")
public class FakeOneByOnePricebookEntries implements PricebookEntries {
  private final SalesforceConnector connector;
  private final Map<String, String> cache = new ConcurrentHashMap<>();
  private volatile String standardBook;

  public FakeOneByOnePricebookEntries(SalesforceConnector connector) {
    this.connector = connector;
  }

  @Override
  public String orderPricebookId() throws Exception {
    if (standardBook == null) {
      standardBook = SalesforceQueries.queryAll(connector.session(),
          "SELECT Id FROM Pricebook2 WHERE IsStandard = true").get(0).getId();
    }
    return standardBook;
  }

  @Override
  public synchronized Map<String, String> ensure(Collection<ProductLine> lines) throws Exception {
    SalesforceSession session = connector.session();
    String book = orderPricebookId();
    Map<String, String> out = new HashMap<>();
    for (ProductLine line : lines) {
      String known = cache.get(line.variantKey());
      if (known == null) {
        List<SObject> products = SalesforceQueries.queryAll(session,
            "SELECT Id FROM Product2 WHERE BC_Variant_Key__c = " + Soql.literal(line.variantKey()));
        String productId = products.isEmpty() ? create(session, product(line)) : products.get(0).getId();
        List<SObject> entries = SalesforceQueries.queryAll(session, "SELECT Id FROM PricebookEntry WHERE Product2Id = "
            + Soql.literal(productId) + " AND Pricebook2Id = " + Soql.literal(book));
        known = entries.isEmpty() ? create(session, entry(book, productId, line)) : entries.get(0).getId();
        cache.put(line.variantKey(), known);
      }
      out.put(line.variantKey(), known);
    }
    return out;
  }

  private static SObject product(ProductLine line) {
    SObject product = new SObject("Product2");
    product.setField("Name", line.name() == null ? line.variantKey() : line.name());
    product.setField("BC_Variant_Key__c", line.variantKey());
    product.setField("IsActive", true);
    return product;
  }

  private static SObject entry(String book, String productId, ProductLine line) {
    SObject entry = new SObject("PricebookEntry");
    entry.setField("Pricebook2Id", book);
    entry.setField("Product2Id", productId);
    entry.setField("UnitPrice", line.unitPrice().doubleValue());
    entry.setField("IsActive", true);
    return entry;
  }

  private static String create(SalesforceSession session, SObject record) throws Exception {
    SaveResult[] results = session.call(c -> c.create(new SObject[] {record}));
    if (!results[0].isSuccess()) {
      throw new IllegalStateException("creating " + record.getType() + " failed: "
          + results[0].getErrors()[0].getMessage());
    }
    return results[0].getId();
  }
}
