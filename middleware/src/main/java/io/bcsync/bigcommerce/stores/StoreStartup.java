package io.bcsync.bigcommerce.stores;

import io.bcsync.bigcommerce.hooks.HookCheck;
import io.bcsync.bigcommerce.hooks.HookMaintenance;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At startup: rewrites stored secrets sealed with a previous encryption key (key rotation), and
 * registers the manifest's hooks on every store configured with an API token (connector mode) - in
 * the background, so a slow or unreachable BigCommerce does not hold up the service; the periodic
 * hook check retries failures.
 */
@Singleton
public class StoreStartup implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(StoreStartup.class);

  private final InstalledStores installed;
  private final ConnectedStores stores;
  private final HookCheck hookCheck;
  private final HookMaintenance maintenance;
  private final ExecutorService executor;

  public StoreStartup(
      InstalledStores installed,
      ConnectedStores stores,
      HookCheck hookCheck,
      HookMaintenance maintenance,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    this.installed = installed;
    this.stores = stores;
    this.hookCheck = hookCheck;
    this.maintenance = maintenance;
    this.executor = executor;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    int rewritten = installed.reencryptWithCurrentKey();
    if (rewritten > 0) {
      LOG.info("Re-encrypted the secrets of {} installed stores with the current key", rewritten);
    }
    if (!maintenance.canRegister()) {
      LOG.warn(
          "bcsync.bigcommerce.app.public-url is not set: hooks are not registered on configured stores");
      return;
    }
    executor.submit(
        () ->
            stores.all().stream()
                .filter(
                    store ->
                        store.source() == ConnectedStore.Source.CONFIGURATION
                            && store.hasApiAccess())
                .forEach(hookCheck::checkOne));
  }
}
