package io.bcsync.sync.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sync.port.OrderPayments.PaymentTransaction;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the problem triggers ({@code payment_failed}, {@code items_returned}, {@code
 * fulfilment_delayed}) know beyond the order's figures: its failed payment attempts (read from the
 * transactions resource only when a rule needs them, else empty), its returned lines and its age.
 *
 * @param failedPayments the order's transactions with status {@code error}
 * @param returned lines with a return ({@code return_id}) or a refunded quantity ({@code
 *     quantity_refunded}), the two V2 order-product fields that tell
 * @param createdMs the order's {@code date_created}, null when absent or unreadable
 * @param nowMs when the facts were taken (the service's clock)
 */
public record ProblemFacts(
    List<PaymentTransaction> failedPayments,
    List<ReturnedLine> returned,
    Long createdMs,
    long nowMs) {

  public ProblemFacts {
    failedPayments = List.copyOf(failedPayments);
    returned = List.copyOf(returned);
  }

  /** A line given back or refunded: {@code returnId} 0 when it is refunded without a return. */
  public record ReturnedLine(
      String sku, String name, int quantity, int quantityRefunded, long returnId) {}

  static ProblemFacts none() {
    return new ProblemFacts(List.of(), List.of(), null, 0);
  }

  /** The facts of a V2 order with its {@code products} embedded. */
  static ProblemFacts of(JsonNode order, List<PaymentTransaction> transactions, long nowMs) {
    List<ReturnedLine> returned = new ArrayList<>();
    for (JsonNode line : order.path("products")) {
      int refunded = line.path("quantity_refunded").asInt(0);
      long returnId = line.path("return_id").asLong(0);
      if (refunded > 0 || returnId > 0) {
        returned.add(
            new ReturnedLine(
                line.path("sku").asText(""),
                line.path("name").asText(""),
                line.path("quantity").asInt(0),
                refunded,
                returnId));
      }
    }
    return new ProblemFacts(
        transactions.stream().filter(PaymentTransaction::failed).toList(),
        returned,
        created(order.path("date_created").asText("")),
        nowMs);
  }

  /** V2 dates are RFC 2822 ({@code Tue, 05 Mar 2024 21:40:11 +0000}). */
  private static Long created(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text.trim()).toEpochMilli();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
