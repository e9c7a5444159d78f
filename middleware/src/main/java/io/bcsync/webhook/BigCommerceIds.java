package io.bcsync.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a BigCommerce identifier in a callback may look like. Order, customer, product, SKU and
 * price-list ids are positive integers; BigCommerce's specs type them {@code integer}, and where
 * they give a format it is {@code int32} (customer ids in {@code customers.v3.yml}; catalog counts
 * are capped at 2147483647), so bcsync takes 1 to {@value #MAX_ID} and nothing else: no zero, no
 * sign, no fraction, no leading zero, no path. Ids arrive as JSON numbers or, in some callbacks
 * ({@code order_id} of transactions, {@code resource_id} of metafields), as strings of digits.
 * Carts and cart line items are the exception: their ids are UUIDs.
 */
final class BigCommerceIds {
  static final long MAX_ID = Integer.MAX_VALUE;

  private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,9}");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private BigCommerceIds() {}

  /** The id in its canonical decimal form, if {@code value} is a BigCommerce integer id. */
  static Optional<String> integer(JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.isIntegralNumber()) {
      if (!value.canConvertToLong()) {
        return Optional.empty();
      }
      long id = value.longValue();
      return id >= 1 && id <= MAX_ID ? Optional.of(Long.toString(id)) : Optional.empty();
    }
    if (value.isTextual() && DIGITS.matcher(value.textValue()).matches()) {
      long id = Long.parseLong(value.textValue());
      return id <= MAX_ID ? Optional.of(value.textValue()) : Optional.empty();
    }
    return Optional.empty();
  }

  /** The id of a cart or cart line item: a UUID string. */
  static Optional<String> uuid(JsonNode value) {
    return value != null && value.isTextual() && UUID.matcher(value.textValue()).matches()
        ? Optional.of(value.textValue())
        : Optional.empty();
  }
}
