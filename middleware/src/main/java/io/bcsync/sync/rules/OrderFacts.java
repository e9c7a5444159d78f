package io.bcsync.sync.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sync.port.SalesReader.StoreRefund;
import io.bcsync.sync.revenue.Utm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the rules can know about one written order, all taken from the order the sync already read
 * and from the order ledger: no call per order. Later triggers (status, payment, refund, return,
 * delay) add facts here rather than reading the order themselves.
 *
 * @param contactId the Contact the order was written against; null when it has none
 * @param customerOrderNumber the order's place among its customer's counted orders in the ledger (1
 *     for the first, by order date then id); 0 when the ledger does not count it (cancelled,
 *     declined, refunded, or no Contact)
 * @param total {@code total_inc_tax}, in the store's currency
 * @param coupons the codes of the coupons applied, as written in the store
 * @param problems failed payments, returned lines and the order's age, for the problem triggers
 * @param utm the UTM facts the storefront recorded; null when none (or not read: no rule needs
 *     them)
 * @param refunds the order's refunds (V3), oldest first; empty when none or not read
 */
public record OrderFacts(
    String storeHash,
    long orderId,
    String contactId,
    int customerOrderNumber,
    BigDecimal total,
    List<String> coupons,
    int statusId,
    ProblemFacts problems,
    Utm utm,
    List<StoreRefund> refunds) {

  /**
   * Incomplete, Cancelled, Declined, Refunded: what the ledger does not count either ({@code
   * accounts/CompanyRollup.NOT_COUNTED}, the same set; private there, so repeated here).
   */
  static final java.util.Set<Integer> NOT_COUNTED = java.util.Set.of(0, 4, 5, 6);

  public OrderFacts {
    coupons = List.copyOf(coupons);
    problems = problems == null ? ProblemFacts.none() : problems;
    refunds = refunds == null ? List.of() : List.copyOf(refunds);
  }

  /** Facts without problem facts, UTM facts or refunds (no failed payment, nothing returned). */
  public OrderFacts(
      String storeHash,
      long orderId,
      String contactId,
      int customerOrderNumber,
      BigDecimal total,
      List<String> coupons,
      int statusId) {
    this(
        storeHash,
        orderId,
        contactId,
        customerOrderNumber,
        total,
        coupons,
        statusId,
        ProblemFacts.none(),
        null,
        List.of());
  }

  /**
   * These facts with the order's UTM facts and refunds ({@link OrderExtras}, read in batches only
   * when an enabled rule needs them).
   */
  public OrderFacts withExtras(Utm utm, List<StoreRefund> refunds) {
    return new OrderFacts(
        storeHash,
        orderId,
        contactId,
        customerOrderNumber,
        total,
        coupons,
        statusId,
        problems,
        utm,
        refunds);
  }

  /** A real sale: the buyer-facing triggers of this slice ignore cancelled or declined orders. */
  public boolean counted() {
    return !NOT_COUNTED.contains(statusId);
  }

  /** The facts of {@code order} (a V2 order with its {@code coupons} embedded). */
  public static OrderFacts of(
      String storeHash, JsonNode order, String contactId, int customerOrderNumber) {
    return of(storeHash, order, contactId, customerOrderNumber, ProblemFacts.none());
  }

  /** The same, with the problem facts taken for it. */
  public static OrderFacts of(
      String storeHash,
      JsonNode order,
      String contactId,
      int customerOrderNumber,
      ProblemFacts problems) {
    List<String> coupons = new ArrayList<>();
    order
        .path("coupons")
        .forEach(
            coupon -> {
              String code = coupon.path("code").asText("").trim();
              if (!code.isEmpty() && !coupons.contains(code)) {
                coupons.add(code);
              }
            });
    return new OrderFacts(
        storeHash,
        order.path("id").asLong(),
        contactId,
        customerOrderNumber,
        money(order.path("total_inc_tax")),
        coupons,
        order.path("status_id").asInt(),
        problems,
        null,
        List.of());
  }

  /**
   * A UTM source's store-qualified campaign key, the one the daily revenue summary links its rows
   * to ({@code Utm} has trimmed and lower-cased the source already).
   */
  public static String utmKey(String storeHash, String source) {
    return storeHash + ":utm:" + source;
  }

  /** A coupon's store-qualified campaign key, as {@code Campaign.BC_Source_Key__c} documents it. */
  public static String couponKey(String storeHash, String code) {
    return storeHash + ":coupon:" + code.trim().toLowerCase(Locale.ROOT);
  }

  private static BigDecimal money(JsonNode value) {
    String text = value.asText("").trim();
    try {
      return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }
}
