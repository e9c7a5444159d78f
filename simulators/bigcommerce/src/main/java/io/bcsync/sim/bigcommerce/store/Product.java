package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A catalog product. As on the real platform every product has at least one variant (the base
 * variant, with no option values), so variant ids exist even for simple products.
 */
public final class Product {
  public long id;
  public String name;
  public String type = "physical";
  public String sku = "";
  public String description = "";
  public BigDecimal price = BigDecimal.ZERO;
  public BigDecimal costPrice = BigDecimal.ZERO;
  public BigDecimal retailPrice = BigDecimal.ZERO;
  public BigDecimal salePrice = BigDecimal.ZERO;
  public BigDecimal weight = BigDecimal.ONE;
  public int inventoryLevel;
  public int inventoryWarningLevel;
  public String inventoryTracking = "none";
  public boolean isVisible = true;
  public long brandId;
  public List<Long> categories = new ArrayList<>();
  public Instant dateCreated;
  public Instant dateModified;
  public final List<Variant> variants = new ArrayList<>();
  public final List<ProductCustomField> customFields = new ArrayList<>();

  public Variant baseVariant() {
    return variants.get(0);
  }
}
