package io.bcsync.bigcommerce.app;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.hooks.HookMaintenance;
import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.bigcommerce.stores.InstalledStores;
import io.bcsync.config.BigCommerceAppConfig;
import io.bcsync.environment.StoreEnvironmentGuard;
import io.bcsync.security.TokenCipher;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs and uninstalls the app on a store. An install (or a re-install after a scope or owner
 * change, which invalidates the old token) stores the new token and a fresh hook secret, then
 * registers the manifest's hooks with that secret. Uninstall deletes the store's secrets; its
 * history stays until the retention job removes it.
 */
@Singleton
public class AppInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(AppInstaller.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OAuthTokenExchange exchange;
  private final InstalledStores stores;
  private final TokenCipher cipher;
  private final BigCommerceClient client;
  private final HookMaintenance hooks;
  private final AppManifest manifest;
  private final BigCommerceAppConfig config;
  private final StoreEnvironmentGuard storeGuard;
  private final UninstallConfirmation confirmation;
  private final ConnectedStores connected;

  public AppInstaller(
      OAuthTokenExchange exchange,
      InstalledStores stores,
      TokenCipher cipher,
      BigCommerceClient client,
      HookMaintenance hooks,
      AppManifest manifest,
      BigCommerceAppConfig config,
      StoreEnvironmentGuard storeGuard,
      UninstallConfirmation confirmation,
      ConnectedStores connected) {
    this.exchange = exchange;
    this.stores = stores;
    this.cipher = cipher;
    this.client = client;
    this.hooks = hooks;
    this.manifest = manifest;
    this.config = config;
    this.storeGuard = storeGuard;
    this.confirmation = confirmation;
    this.connected = connected;
  }

  /** The store installed, and why hooks could not be registered yet (empty when they were). */
  public record Installed(String storeHash, Optional<String> hookProblem) {}

  public Installed install(String code, String scope, String context) {
    if (!cipher.isConfigured()) {
      throw new AppRequestRejected(
          HttpStatus.SERVICE_UNAVAILABLE,
          "app installs need "
              + BigCommerceAppConfig.PREFIX
              + ".token-encryption-key to be configured");
    }
    if (config.publicUrl() == null) {
      throw new AppRequestRejected(
          HttpStatus.SERVICE_UNAVAILABLE,
          "app installs need " + BigCommerceAppConfig.PREFIX + ".public-url to be configured");
    }
    String expectedStore =
        StoreContext.hashOf(context)
            .orElseThrow(
                () ->
                    new AppRequestRejected(
                        HttpStatus.BAD_REQUEST, "context must be stores/{store hash}"));
    if (!storeGuard.isAllowed(expectedStore)) {
      // The environment guard: a staging service never takes a token for a store that is not
      // allow-listed.
      throw new AppRequestRejected(
          HttpStatus.FORBIDDEN,
          "store "
              + expectedStore
              + " is not allowed in the staging"
              + " environment (bcsync.staging.allowed-stores)");
    }
    OAuthTokenExchange.Grant grant =
        exchange.exchange(code, scope, context, config.publicUrl() + manifest.callbacks().auth());
    if (!grant.storeHash().equals(expectedStore)) {
      throw new AppRequestRejected(
          HttpStatus.BAD_GATEWAY, "the token was granted for another store");
    }
    String secret = HexFormat.of().formatHex(randomBytes(32));
    stores.saveInstall(
        grant.storeHash(), grant.accessToken(), secret, grant.scope(), grant.ownerEmail());
    connected.forget(grant.storeHash());
    LOG.info("Store {} installed the app (scopes: {})", grant.storeHash(), grant.scope());
    try {
      HookMaintenance.Report report =
          hooks.ensure(client.forToken(grant.storeHash(), grant.accessToken()), secret);
      LOG.info(
          "Store {}: hooks registered ({} created, {} re-enabled, {} given the new secret)",
          grant.storeHash(),
          report.created(),
          report.reactivated(),
          report.headersUpdated());
      return new Installed(grant.storeHash(), Optional.empty());
    } catch (RuntimeException e) {
      // The install itself succeeded; the periodic hook check registers the hooks once BigCommerce
      // answers.
      LOG.warn(
          "Store {}: hooks could not be registered yet, the hook check will retry: {}",
          grant.storeHash(),
          e.getMessage());
      return new Installed(grant.storeHash(), Optional.of(e.getMessage()));
    }
  }

  /**
   * Deletes the store's token and hook secret once BigCommerce confirms the app is gone ({@link
   * UninstallConfirmation}). 409 when BigCommerce says it is still installed (a replayed or forged
   * callback: nothing changes); 503 when BigCommerce cannot tell now (nothing changes, and the
   * callback may be sent again). Returns false when the store was not installed.
   */
  public boolean uninstall(String storeHash) {
    Optional<InstalledStores.InstalledStore> store =
        stores.find(storeHash).filter(InstalledStores.InstalledStore::installed);
    if (store.isEmpty()) {
      LOG.info("Store {} uninstalled the app (was not installed)", storeHash);
      return false;
    }
    // A store whose token no configured key can decrypt cannot be asked about; its secrets are
    // unusable anyway, so a verified, fresh, unused callback is enough to clear them.
    if (store.get().accessToken().isPresent()) {
      UninstallConfirmation.Verdict verdict =
          confirmation.check(storeHash, store.get().accessToken().get());
      if (verdict == UninstallConfirmation.Verdict.STILL_INSTALLED) {
        throw new AppRequestRejected(
            HttpStatus.CONFLICT,
            "BigCommerce still accepts the store's token and lists the app's hooks:"
                + " the app is not uninstalled, nothing was deleted");
      }
      if (verdict == UninstallConfirmation.Verdict.UNKNOWN) {
        throw new AppRequestRejected(
            HttpStatus.SERVICE_UNAVAILABLE,
            "BigCommerce could not confirm the uninstall now; nothing was deleted, try again");
      }
    }
    boolean changed = stores.markUninstalled(storeHash);
    connected.forget(storeHash);
    LOG.info(
        "Store {} uninstalled the app{}",
        storeHash,
        changed ? "; its tokens were deleted" : " (was not installed)");
    return changed;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
