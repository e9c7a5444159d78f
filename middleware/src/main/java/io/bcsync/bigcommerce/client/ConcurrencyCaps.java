package io.bcsync.bigcommerce.client;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Endpoints BigCommerce limits to a few concurrent requests per store (a call over the cap gets an
 * immediate 429). Calls queue on a fair semaphore per store and endpoint instead, which blocks
 * without spinning.
 */
final class ConcurrencyCaps {
  private record Cap(String method, Pattern path, int permits) {}

  private static final Map<String, Cap> CAPS =
      Map.of(
          "customers-update", new Cap("PUT", Pattern.compile("/v3/customers"), 3),
          "customer-attribute-values",
              new Cap("PUT", Pattern.compile("/v3/customers/attribute-values"), 3),
          "price-list-records-upsert",
              new Cap("PUT", Pattern.compile("/v3/pricelists/\\d+/records"), 2),
          "price-records-batch-upsert",
              new Cap("PUT", Pattern.compile("/v3/pricelists/records"), 1),
          "price-records-batch-create",
              new Cap("POST", Pattern.compile("/v3/pricelists/records"), 10));

  private final Map<String, Semaphore> semaphores = new ConcurrentHashMap<>();

  /** The semaphore guarding this call, if its endpoint is capped. */
  Optional<Semaphore> forCall(String method, String path) {
    for (Map.Entry<String, Cap> entry : CAPS.entrySet()) {
      Cap cap = entry.getValue();
      if (cap.method.equals(method) && cap.path.matcher(path).matches()) {
        return Optional.of(
            semaphores.computeIfAbsent(entry.getKey(), k -> new Semaphore(cap.permits, true)));
      }
    }
    return Optional.empty();
  }
}
