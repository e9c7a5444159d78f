package io.bcsync.sync.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a store's mapping file says about Salesforce → BigCommerce writes.
 *
 * @param segmentField the Contact field (or {@code Account.<field>}, read through the Contact's
 *     Account) whose value names the customer's BigCommerce group; default {@code BC_Segment__c}
 * @param groups segment value → BigCommerce customer group id (0: no group); empty: groups are not
 *     written
 * @param priceLists {@code standard/<currency>} or {@code <15-character price book id>/<currency>}
 *     (upper case) → BigCommerce price list id
 * @param createProducts whether a Salesforce product found in no store may be created in this one
 *     ({@code catalog.create_products}; default false: update only)
 * @param catalog the SKU, weight and custom fields a Product2 sets ({@code catalog:})
 * @param customers the {@code customers:} section: mapped customer fields, customer creation
 * @param groupPriceLists the {@code segments.price_lists:} table: customer group id → the price
 *     list bcsync assigns to it ({@code segments.channel_id}: on that channel, else on every one)
 * @param inventory the {@code inventory:} section: the locations whose stock a Product2 sets, each
 *     from its field; empty: the process-wide default
 */
public record ReverseMapping(
    String segmentField,
    Map<String, Long> groups,
    Map<String, Long> priceLists,
    boolean createProducts,
    CatalogMapping catalog,
    CustomerMapping customers,
    GroupPriceLists groupPriceLists,
    InventoryMapping inventory) {
  public static final String DEFAULT_SEGMENT_FIELD = "BC_Segment__c";

  public ReverseMapping {
    groups = Map.copyOf(groups);
    priceLists = Map.copyOf(priceLists);
    catalog = catalog == null ? CatalogMapping.none() : catalog;
    customers = customers == null ? CustomerMapping.none() : customers;
    groupPriceLists = groupPriceLists == null ? GroupPriceLists.none() : groupPriceLists;
    inventory = inventory == null ? InventoryMapping.none() : inventory;
  }

  /** Without an {@code inventory:} section. */
  public ReverseMapping(
      String segmentField,
      Map<String, Long> groups,
      Map<String, Long> priceLists,
      boolean createProducts,
      CatalogMapping catalog,
      CustomerMapping customers,
      GroupPriceLists groupPriceLists) {
    this(
        segmentField,
        groups,
        priceLists,
        createProducts,
        catalog,
        customers,
        groupPriceLists,
        InventoryMapping.none());
  }

  /** Without catalog field mappings, mapped customer fields or group price lists. */
  public ReverseMapping(
      String segmentField,
      Map<String, Long> groups,
      Map<String, Long> priceLists,
      boolean createProducts) {
    this(segmentField, groups, priceLists, createProducts, CatalogMapping.none());
  }

  /** With catalog field mappings only (catalog tests). */
  public ReverseMapping(
      String segmentField,
      Map<String, Long> groups,
      Map<String, Long> priceLists,
      boolean createProducts,
      CatalogMapping catalog) {
    this(
        segmentField,
        groups,
        priceLists,
        createProducts,
        catalog,
        CustomerMapping.none(),
        GroupPriceLists.none());
  }

  /** With customers and group price lists, no catalog field mappings (customer tests). */
  public ReverseMapping(
      String segmentField,
      Map<String, Long> groups,
      Map<String, Long> priceLists,
      boolean createProducts,
      CustomerMapping customers,
      GroupPriceLists groupPriceLists) {
    this(
        segmentField,
        groups,
        priceLists,
        createProducts,
        CatalogMapping.none(),
        customers,
        groupPriceLists);
  }

  /** Nothing configured: no group writes, no price lists. */
  public static ReverseMapping none() {
    return new ReverseMapping(DEFAULT_SEGMENT_FIELD, Map.of(), Map.of(), false);
  }

  /**
   * The store file's {@code customers:} section.
   *
   * @param fields BigCommerce customer field ({@code notes}, {@code tax_exempt_category}) → the
   *     Contact field it is written from; Salesforce owns a mapped field in this store
   * @param createCustomers whether a Contact linked to no customer gets one in this store ({@code
   *     customers.create_customers}; default false)
   */
  public record CustomerMapping(Map<String, String> fields, boolean createCustomers) {
    /** The BigCommerce customer fields a store may map from a Contact field. */
    public static final java.util.List<String> MAPPABLE =
        java.util.List.of("notes", "tax_exempt_category");

    /** Where {@code notes} comes from when the store does not say: the Contact's Description. */
    public static final String DEFAULT_NOTES_FIELD = "Description";

    public CustomerMapping {
      fields = Map.copyOf(fields);
    }

    public static CustomerMapping none() {
      return new CustomerMapping(Map.of(), false);
    }

    /** The Contact field a mapped customer field is written from; null: none. */
    public String source(String customerField) {
      String mapped = fields.get(customerField);
      if (mapped == null && "notes".equals(customerField)) {
        return DEFAULT_NOTES_FIELD;
      }
      return mapped;
    }
  }

  /**
   * The store file's {@code segments.price_lists:} table and {@code segments.channel_id}.
   *
   * @param byGroup customer group id → price list id
   * @param channelId the channel the assignments are made on; null: every channel (the spec's
   *     {@code channel_id} "may be null when a price list applies across channels")
   */
  public record GroupPriceLists(Map<Long, Long> byGroup, Long channelId) {
    public GroupPriceLists {
      byGroup = Map.copyOf(byGroup);
    }

    public static GroupPriceLists none() {
      return new GroupPriceLists(Map.of(), null);
    }
  }

  /**
   * The price list of a price book's entries in a currency, if the store has one: by the book's id,
   * else, for the standard price book, by {@code standard}.
   */
  public Optional<Long> priceList(String pricebookId, boolean standard, String currency) {
    if (currency == null) {
      return Optional.empty();
    }
    String cur = currency.toUpperCase(Locale.ROOT);
    if (pricebookId != null && pricebookId.length() >= 15) {
      Long byId = priceLists.get(pricebookId.substring(0, 15) + "/" + cur);
      if (byId != null) {
        return Optional.of(byId);
      }
    }
    return standard ? Optional.ofNullable(priceLists.get("standard/" + cur)) : Optional.empty();
  }
}
