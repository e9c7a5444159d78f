package io.bcsync.environment;

import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.StagingConfig;
import io.bcsync.config.StoreConfig;
import io.micronaut.context.annotation.Context;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BigCommerce half of the environment guard: a staging service only talks to allow-listed
 * stores ({@code bcsync.staging.allowed-stores}), so a staging deployment cannot be pointed at a
 * live store by mistake. Checked for configured stores at startup (the service refuses to start)
 * and for every callback at intake; the app install flow must call {@link #requireAllowed} before
 * it registers a store.
 */
@Context
public class StoreEnvironmentGuard {
  private static final Logger LOG = LoggerFactory.getLogger(StoreEnvironmentGuard.class);

  private final boolean production;
  private final Set<String> allowed;

  public StoreEnvironmentGuard(
      BcsyncConfig service, StagingConfig staging, List<StoreConfig> stores) {
    this.production = service.isProduction();
    this.allowed = Set.copyOf(staging.allowedStores());
    for (StoreConfig store : stores) {
      requireAllowed(store.storeHash());
    }
    if (!production) {
      LOG.info("Staging environment: BigCommerce stores allowed: {}", allowed);
    }
  }

  public boolean isAllowed(String storeHash) {
    return production || allowed.contains(storeHash);
  }

  /**
   * @throws EnvironmentGuardException naming the store and the setting that would allow it
   */
  public void requireAllowed(String storeHash) {
    if (!isAllowed(storeHash)) {
      throw new EnvironmentGuardException(
          "Store "
              + storeHash
              + " is not allowed in the staging environment; add it"
              + " to bcsync.staging.allowed-stores if it is a test store (production stores never belong there)");
    }
  }
}
