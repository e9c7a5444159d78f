package io.bcsync.sync.rules;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * BigCommerce's order statuses by id, as {@code GET /v2/order_statuses} lists them (ids 0 to 14 are
 * fixed by the platform; a store may rename them in its control panel, but the id stays), so a rule
 * may name a status by id or by its default name.
 */
public final class OrderStatuses {
  private static final Map<Integer, String> NAMES = new LinkedHashMap<>();

  static {
    String[] names = {
      "Incomplete",
      "Pending",
      "Shipped",
      "Partially Shipped",
      "Refunded",
      "Cancelled",
      "Declined",
      "Awaiting Payment",
      "Awaiting Pickup",
      "Awaiting Shipment",
      "Completed",
      "Awaiting Fulfillment",
      "Manual Verification Required",
      "Disputed",
      "Partially Refunded"
    };
    for (int i = 0; i < names.length; i++) {
      NAMES.put(i, names[i]);
    }
  }

  /** Declined: the status BigCommerce gives an order whose payment was refused. */
  public static final int DECLINED = 6;

  private OrderStatuses() {}

  /** The id of a status given as its id or its default name (ignoring case); null if unknown. */
  public static Integer id(String idOrName) {
    String text = idOrName.trim();
    if (text.matches("\\d{1,2}")) {
      int id = Integer.parseInt(text);
      return NAMES.containsKey(id) ? id : null;
    }
    for (Map.Entry<Integer, String> e : NAMES.entrySet()) {
      if (e.getValue().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The default name of a status id, or the id itself when unknown. */
  public static String name(int id) {
    return NAMES.getOrDefault(id, String.valueOf(id));
  }

  public static java.util.Collection<String> names() {
    return NAMES.values();
  }
}
