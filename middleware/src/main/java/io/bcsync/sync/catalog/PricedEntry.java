package io.bcsync.sync.catalog;

import java.math.BigDecimal;

/**
 * A price-book entry as the price flow reads it.
 *
 * @param price the entry's {@code UnitPrice}; null when it is not a number
 * @param pricebookId the entry's price book
 * @param standard whether that book is the standard price book
 * @param currency the entry's currency (upper case): its {@code CurrencyIsoCode} in a
 *     multi-currency org, else the configured currency
 * @param variantPrice whether the entry sets the variant's own price: the synced price book, in the
 *     store currency
 */
record PricedEntry(
    BigDecimal price,
    String pricebookId,
    boolean standard,
    String currency,
    boolean variantPrice) {}
