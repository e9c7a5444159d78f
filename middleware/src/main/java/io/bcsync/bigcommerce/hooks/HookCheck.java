package io.bcsync.bigcommerce.hooks;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link HookMaintenance} for every store with API access; one store's failure does not stop
 * the others.
 */
@Singleton
public class HookCheck {
  private static final Logger LOG = LoggerFactory.getLogger(HookCheck.class);

  private final ConnectedStores stores;
  private final BigCommerceClient client;
  private final HookMaintenance maintenance;
  private final MeterRegistry registry;
  private final Map<String, Object> storeLocks = new java.util.concurrent.ConcurrentHashMap<>();

  public HookCheck(
      ConnectedStores stores,
      BigCommerceClient client,
      HookMaintenance maintenance,
      MeterRegistry registry) {
    this.stores = stores;
    this.client = client;
    this.maintenance = maintenance;
    this.registry = registry;
  }

  /** Checks every store; returns the report per store that could be checked. */
  public Map<String, HookMaintenance.Report> checkAll() {
    Map<String, HookMaintenance.Report> reports = new LinkedHashMap<>();
    if (!maintenance.canRegister()) {
      LOG.warn("Hooks are not checked: bcsync.bigcommerce.app.public-url is not set");
      return reports;
    }
    for (ConnectedStore store : stores.withApiAccess()) {
      checkOne(store).ifPresent(report -> reports.put(store.storeHash(), report));
    }
    return reports;
  }

  public java.util.Optional<HookMaintenance.Report> checkOne(ConnectedStore store) {
    // The startup registration and the recurring job can overlap; two concurrent checks of one
    // store would both
    // see a hook missing and the second create would fail with "already exists".
    synchronized (storeLocks.computeIfAbsent(store.storeHash(), hash -> new Object())) {
      return checkOneExclusively(store);
    }
  }

  private java.util.Optional<HookMaintenance.Report> checkOneExclusively(ConnectedStore store) {
    try {
      HookMaintenance.Report report =
          maintenance.ensure(client.forStore(store), store.webhookSecret());
      if (report.firstRegistration()) {
        LOG.info("Store {}: registered {} hooks", store.storeHash(), report.created());
      } else if (report.total() > 0) {
        LOG.warn(
            "Store {}: repaired hooks ({} created, {} re-enabled, {} secret headers updated)",
            store.storeHash(),
            report.created(),
            report.reactivated(),
            report.headersUpdated());
      }
      return java.util.Optional.of(report);
    } catch (RuntimeException e) {
      // The next check retries; the failure is visible in the log and the counter, never silent.
      registry
          .counter("bcsync.bigcommerce.hook_check_failures", "store", store.storeHash())
          .increment();
      LOG.warn("Store {}: hook check failed: {}", store.storeHash(), e.getMessage());
      return java.util.Optional.empty();
    }
  }
}
