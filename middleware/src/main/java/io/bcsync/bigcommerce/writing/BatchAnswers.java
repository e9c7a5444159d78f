package io.bcsync.bigcommerce.writing;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.bigcommerce.client.PermanentBigCommerceException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which records of a batch BigCommerce refused from the answer itself, so a batch is not
 * split in halves to find them: a price-list records 422's {@code batch_errors}, and the product
 * ids a catalog 207 names in its {@code errors}.
 */
final class BatchAnswers {
  private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

  private BatchAnswers() {}

  /**
   * The variant ids a {@code PUT /v3/pricelists/{id}/records} 422 refused, each with its {@code
   * field_errors}, when its body lists them ({@code batch_errors[].data.variant_id}: price_lists
   * .v3.yml, "PriceRecord Batch Error Response"; without {@code X-Strict-Mode} the other records
   * were written). Empty when the body is missing, not that shape, or names a record that was not
   * sent: the caller then falls back to halving the batch.
   */
  static Optional<Map<Long, String>> refusedPriceRecords(
      RuntimeException refusal, Collection<Long> sentVariantIds) {
    if (!(refusal instanceof PermanentBigCommerceException api) || api.status() != 422) {
      return Optional.empty();
    }
    JsonNode errors = api.body().map(b -> b.path("batch_errors")).orElse(null);
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, String> refused = new LinkedHashMap<>();
    for (JsonNode error : errors) {
      JsonNode id = error.path("data").path("variant_id");
      if (!id.canConvertToLong() || !sentVariantIds.contains(id.asLong())) {
        return Optional.empty();
      }
      refused.put(
          id.asLong(),
          "BigCommerce refused the price record of variant "
              + id.asLong()
              + ": "
              + error.path("field_errors"));
    }
    return Optional.of(refused);
  }

  /**
   * The product ids a 207's {@code errors} names (in a key or a message), among those sent. The
   * spec types those errors as free-form pairs (products_catalog.v3.yml, {@code DetailedErrors}),
   * so a number that is one of the batch's product ids is taken as naming it.
   */
  static Set<Long> productsNamed(JsonNode errors, Collection<Long> sentIds) {
    Set<Long> named = new LinkedHashSet<>();
    if (errors == null) {
      return named;
    }
    StringBuilder text = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> fields = errors.path("errors").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      text.append(field.getKey()).append(' ').append(field.getValue().asText("")).append(' ');
    }
    Matcher numbers = NUMBER.matcher(text);
    while (numbers.find()) {
      long id = Long.parseLong(numbers.group());
      if (sentIds.contains(id)) {
        named.add(id);
      }
    }
    return named;
  }
}
