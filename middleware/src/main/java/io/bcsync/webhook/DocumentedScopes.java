package io.bcsync.webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scopes BigCommerce documents for the resources bcsync subscribes to ({@code store/order/*},
 * {@code store/customer/*}, {@code store/product/*}, {@code store/sku/*}, {@code
 * store/hook/deliveryException}; ../shared/reference/bigcommerce.md section 3.3, with the channel
 * order scopes). A callback of one of these must name the resource its scope is about; a scope not
 * listed here keeps the lenient mapping, so an event BigCommerce adds later is not refused (a
 * refused callback is retried and, in the end, its hook deactivated).
 */
final class DocumentedScopes {
  private static final Map<String, List<String>> EVENTS =
      Map.of(
          "order",
          List.of(
              "created",
              "updated",
              "archived",
              "statusUpdated",
              "message/created",
              "refund/created",
              "transaction/created",
              "transaction/updated",
              "metafield/created",
              "metafield/updated",
              "metafield/deleted"),
          "customer",
          List.of(
              "created",
              "updated",
              "deleted",
              "address/created",
              "address/updated",
              "address/deleted",
              "payment/instrument/default/updated",
              "channel/login/access/updated"),
          "product",
          List.of("created", "updated", "deleted", "inventory/updated", "inventory/order/updated"),
          "sku",
          List.of("created", "updated", "deleted", "inventory/updated", "inventory/order/updated"),
          "hook",
          List.of("deliveryException"));

  private static final Pattern SCOPE = Pattern.compile("store/([A-Za-z]+)/(.+)");
  private static final Pattern CHANNEL_ORDER =
      Pattern.compile(
          "store/channel/[0-9]+/order/(created|updated|archived|statusUpdated|message/created"
              + "|refund/created)");

  private DocumentedScopes() {}

  /** The resource ({@code order}, {@code customer}, ...) a documented scope is about. */
  static Optional<String> resourceOf(String scope) {
    if (CHANNEL_ORDER.matcher(scope).matches()) {
      return Optional.of("order");
    }
    Matcher matcher = SCOPE.matcher(scope);
    if (matcher.matches()
        && EVENTS.getOrDefault(matcher.group(1), List.of()).contains(matcher.group(2))) {
      return Optional.of(matcher.group(1));
    }
    return Optional.empty();
  }
}
