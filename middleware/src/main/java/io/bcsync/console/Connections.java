package io.bcsync.console;

import io.bcsync.bigcommerce.hooks.HookHealth;
import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.bigcommerce.stores.InstalledStores;
import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.SalesforceConfig;
import io.bcsync.pipeline.WebhookArrivals;
import io.bcsync.salesforce.soap.OrgInfo;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.sync.port.SalesforceLink;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the console's Connections page and {@code GET /admin/connections} show: every store bcsync
 * serves (how it is connected, whether its hooks are as they should be, when its last webhook
 * arrived) and the Salesforce org (environment, sandbox or production, user, API usage). Never a
 * token, secret or refresh token. Checking the hooks reads each store's hook list from BigCommerce
 * (one call per store with API access); everything else is local.
 */
@Singleton
public class Connections {
  private final ConnectedStores stores;
  private final InstalledStores installed;
  private final HookHealth hooks;
  private final WebhookArrivals arrivals;
  private final BcsyncConfig service;
  private final SalesforceConfig salesforce;
  private final SalesforceLink link;
  private final SalesforceConnector connector;
  private final MeterRegistry registry;

  public Connections(
      ConnectedStores stores,
      InstalledStores installed,
      HookHealth hooks,
      WebhookArrivals arrivals,
      BcsyncConfig service,
      SalesforceConfig salesforce,
      SalesforceLink link,
      SalesforceConnector connector,
      MeterRegistry registry) {
    this.stores = stores;
    this.installed = installed;
    this.hooks = hooks;
    this.arrivals = arrivals;
    this.service = service;
    this.salesforce = salesforce;
    this.link = link;
    this.connector = connector;
    this.registry = registry;
  }

  public View view() {
    List<StoreConnection> rows = new ArrayList<>();
    for (ConnectedStore store : stores.all()) {
      Optional<InstalledStores.InstalledStore> app =
          store.source() == ConnectedStore.Source.APP
              ? installed.find(store.storeHash())
              : Optional.empty();
      rows.add(
          new StoreConnection(
              store.storeHash(),
              store.source() == ConnectedStore.Source.CONFIGURATION
                  ? "connector mode (configured API account)"
                  : "BigCommerce app",
              app.map(InstalledStores.InstalledStore::installedAtMs).orElse(null),
              store.hasApiAccess(),
              hooks.check(store).orElse(null),
              arrivals.lastReceivedAtMs(store.storeHash()).orElse(null)));
    }
    return new View(rows, org());
  }

  private Org org() {
    SalesforceLink.View status = link.current();
    Optional<OrgInfo> org = connector.connectedOrg();
    Gauge used = registry.find("bcsync.salesforce.api.used").gauge();
    Gauge limit = registry.find("bcsync.salesforce.api.limit").gauge();
    return new Org(
        service.environment(),
        salesforce.authMode(),
        status.connected(),
        status.description(),
        org.map(OrgInfo::orgId).orElse(null),
        org.map(OrgInfo::name).orElse(null),
        org.map(o -> o.sandbox() ? "sandbox" : "production").orElse(null),
        org.map(OrgInfo::username).orElse(null),
        used == null ? null : (long) used.value(),
        limit == null ? null : (long) limit.value(),
        "web-server".equals(salesforce.authMode()));
  }

  public record View(List<StoreConnection> stores, Org salesforce) {}

  /**
   * @param connection how bcsync reaches the store
   * @param installedAtMs when the app was installed; null in connector mode
   * @param hooks the hooks as BigCommerce lists them now; null when they cannot be checked (no API
   *     access, or no public URL for them to call)
   * @param lastWebhookAtMs when the store's last webhook arrived; null when none is stored
   */
  public record StoreConnection(
      String store,
      String connection,
      Long installedAtMs,
      boolean apiAccess,
      HookHealth.Health hooks,
      Long lastWebhookAtMs) {}

  /**
   * @param environment this deployment's {@code bcsync.environment} (staging or production)
   * @param orgKind sandbox or production; null until this instance has a session (it connects when
   *     the sync first needs Salesforce, and the status never connects by itself)
   * @param apiUsed daily API requests used, as Salesforce last reported; null until known
   * @param canConnect whether "Connect Salesforce" applies (the web-server flow is configured)
   */
  public record Org(
      String environment,
      String authMode,
      boolean connected,
      String status,
      String orgId,
      String orgName,
      String orgKind,
      String username,
      Long apiUsed,
      Long apiLimit,
      boolean canConnect) {}
}
