package io.bcsync.sync.catalog;

import java.util.Collection;
import java.util.Map;

/**
 * Port: makes sure every product an order sells exists in Salesforce as a Product2 (keyed by {@code
 * BC_Variant_Key__c}) with an active PricebookEntry in the standard price book and in the order's
 * price book, and answers the PricebookEntry ids the order lines need. Known entries are cached, so
 * a batch of orders for products already seen costs no Salesforce call at all.
 */
public interface PricebookEntries {

  /**
   * The id of the price book orders are created with (the configured one, else the standard price
   * book).
   */
  String orderPricebookId() throws Exception;

  /**
   * PricebookEntry ids in {@link #orderPricebookId()} by {@link ProductLine#variantKey()}, creating
   * what is missing (Product2, then the standard-book entry, then the order-book entry) in batched
   * calls.
   */
  Map<String, String> ensure(Collection<ProductLine> lines) throws Exception;
}
