package io.bcsync.sync.rules;

import io.bcsync.sync.port.SalesReader.StoreRefund;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refunds of an order in its Case's Description (issue 18: "payment and refund details"), when
 * the rules read them ({@code refund_created}): each refund's id, date and amount, and their sum.
 */
final class RefundDetails {
  /** Case.Description holds 32,000 characters. */
  private static final int DESCRIPTION = 32_000;

  private RefundDetails() {}

  static CaseRequest appended(CaseRequest request, List<StoreRefund> refunds, String currency) {
    if (refunds.isEmpty()) {
      return request;
    }
    StringBuilder s = new StringBuilder("\n\nRefunds (BigCommerce V3):");
    BigDecimal sum = BigDecimal.ZERO;
    for (StoreRefund r : refunds) {
      s.append("\n  refund ")
          .append(r.id())
          .append(r.created() == null ? "" : " on " + r.created())
          .append(": ")
          .append(money(r.amount(), currency));
      sum = sum.add(r.amount() == null ? BigDecimal.ZERO : r.amount());
    }
    s.append("\n  total refunded: ").append(money(sum, currency));
    Map<String, Object> fields = new LinkedHashMap<>(request.fields());
    String description = String.valueOf(fields.getOrDefault("Description", "")) + s;
    fields.put(
        "Description",
        description.length() <= DESCRIPTION ? description : description.substring(0, DESCRIPTION));
    return new CaseRequest(request.key(), fields, request.onCreate(), request.queue());
  }

  private static String money(BigDecimal amount, String currency) {
    String value =
        amount == null ? "?" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    return currency == null || currency.isBlank() ? value : value + " " + currency;
  }
}
