package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * One element of {@code PUT /v3/catalog/products} carrying a product's descriptive fields only
 * (name, description, storefront visibility, weight, custom fields); null fields are not sent and
 * keep their value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductDetailsUpdate(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("is_visible") Boolean visible,
    @JsonProperty("weight") BigDecimal weight,
    @JsonProperty("custom_fields") List<CustomField> customFields) {

  /** BigCommerce's limit on a product name (catalog.v3.yml: name maxLength 250). */
  public static final int MAX_NAME_LENGTH = 250;

  /** BigCommerce's limit on a custom field's name and value (productCustomField_Put: 1 to 250). */
  public static final int MAX_CUSTOM_FIELD_LENGTH = 250;

  /**
   * A product custom field: with the id of the product's field of that name to update it (a PUT
   * without id adds another field, so a retry would duplicate it), without one to add it.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CustomField(
      @JsonProperty("id") Long id,
      @JsonProperty("name") String name,
      @JsonProperty("value") String value) {
    public CustomField {
      for (String text : new String[] {name, value}) {
        if (text == null || text.isEmpty() || text.length() > MAX_CUSTOM_FIELD_LENGTH) {
          throw new IllegalArgumentException(
              "a custom field's name and value are 1 to "
                  + MAX_CUSTOM_FIELD_LENGTH
                  + " characters long");
        }
      }
    }
  }

  public ProductDetailsUpdate {
    WriteChecks.positive(id, "product id");
    if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH)) {
      throw new IllegalArgumentException(
          "a product name is 1 to " + MAX_NAME_LENGTH + " characters long");
    }
    if (weight != null && weight.signum() < 0) {
      throw new IllegalArgumentException("a product weight is not negative");
    }
    customFields =
        customFields == null || customFields.isEmpty() ? null : List.copyOf(customFields);
  }

  public ProductDetailsUpdate(long id, String name, String description, Boolean visible) {
    this(id, name, description, visible, null, null);
  }
}
