package io.bcsync.sim.bigcommerce.store;

/**
 * A product custom field (products_catalog.v3.yml, productCustomField_Base): a name and a value, 1
 * to 250 characters each, with an id of its own.
 */
public final class ProductCustomField {
  public long id;
  public String name;
  public String value;
}
