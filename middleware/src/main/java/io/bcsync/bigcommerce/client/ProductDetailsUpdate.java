package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of {@code PUT /v3/catalog/products} carrying a product's descriptive fields only
 * (name, description, storefront visibility); null fields are not sent and keep their value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductDetailsUpdate(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("is_visible") Boolean visible) {

  /** BigCommerce's limit on a product name (catalog.v3.yml: name maxLength 250). */
  public static final int MAX_NAME_LENGTH = 250;

  public ProductDetailsUpdate {
    WriteChecks.positive(id, "product id");
    if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH)) {
      throw new IllegalArgumentException(
          "a product name is 1 to " + MAX_NAME_LENGTH + " characters long");
    }
  }
}
