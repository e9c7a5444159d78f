package io.bcsync.sim.bigcommerce;

import io.bcsync.sim.bigcommerce.app.AppInstalls;
import io.bcsync.sim.bigcommerce.app.AppRegistration;
import io.bcsync.sim.bigcommerce.app.OAuthTokenServlet;
import io.bcsync.sim.bigcommerce.app.SignedPayloads;
import io.bcsync.sim.bigcommerce.b2b.B2bApiServlet;
import io.bcsync.sim.bigcommerce.b2b.B2bCompaniesApi;
import io.bcsync.sim.bigcommerce.b2b.B2bUsersApi;
import io.bcsync.sim.bigcommerce.catalog.V3CatalogApi;
import io.bcsync.sim.bigcommerce.catalog.V3CategoriesApi;
import io.bcsync.sim.bigcommerce.control.ControlServlet;
import io.bcsync.sim.bigcommerce.customers.V2CustomerGroupsApi;
import io.bcsync.sim.bigcommerce.customers.V3CustomersApi;
import io.bcsync.sim.bigcommerce.faults.FaultPlan;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.http.StoreApiServlet;
import io.bcsync.sim.bigcommerce.inventory.V3InventoryApi;
import io.bcsync.sim.bigcommerce.inventory.V3LocationsApi;
import io.bcsync.sim.bigcommerce.orders.OrderRenderer;
import io.bcsync.sim.bigcommerce.orders.V2OrdersApi;
import io.bcsync.sim.bigcommerce.orders.V3OrdersApi;
import io.bcsync.sim.bigcommerce.pricelists.V3PriceListsApi;
import io.bcsync.sim.bigcommerce.ratelimit.ConcurrencyLimiter;
import io.bcsync.sim.bigcommerce.ratelimit.RateLimiter;
import io.bcsync.sim.bigcommerce.store.ApiCredential;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.StoreRegistry;
import io.bcsync.sim.bigcommerce.store.StoreRuntime;
import io.bcsync.sim.bigcommerce.storeinfo.V2StoreInfoApi;
import io.bcsync.sim.bigcommerce.webhooks.RetrySchedule;
import io.bcsync.sim.bigcommerce.webhooks.V3HooksApi;
import io.bcsync.sim.bigcommerce.webhooks.WebhookDispatcher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A running simulated BigCommerce: one HTTP server hosting the store APIs (/stores/{hash}/v2|v3),
 * the B2B Edition API (/api/v3/io), the login service (/login/oauth2/token by default) and the
 * control API (/__control).
 *
 * <pre>{@code
 * try (var sim = BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults())) {
 *   SimulatedStore store = sim.createStore(StoreSpec.named("abc123"));
 *   // client: base URL sim.baseUrl(), X-Auth-Token store.accessToken()
 * }
 * }</pre>
 */
public final class BigCommerceSimulator implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Options options;
  private final StoreRegistry stores = new StoreRegistry();
  private final Map<String, SimulatedStore> handles =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final WebhookDispatcher webhooks;
  private final AppInstalls apps;
  private final AtomicLong storeIds = new AtomicLong(1_025_646);
  private final Server server;
  private String baseUrl;

  private BigCommerceSimulator(Options options) {
    this.options = options;
    this.webhooks =
        new WebhookDispatcher(
            options.clock, new RetrySchedule(options.webhookTimeScale), options.webhookTimeout);
    this.apps = new AppInstalls(stores, options.clock);
    this.server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(options.port);
    connector.setHost(options.host);
    server.addConnector(connector);
    server.setHandler(servlets());
  }

  public static BigCommerceSimulator start(Options options) {
    BigCommerceSimulator sim = new BigCommerceSimulator(options);
    try {
      sim.server.start();
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not start the BigCommerce simulator on port " + options.port, e);
    }
    int port = ((ServerConnector) sim.server.getConnectors()[0]).getLocalPort();
    sim.baseUrl =
        "http://" + ("0.0.0.0".equals(options.host) ? "localhost" : options.host) + ":" + port;
    return sim;
  }

  private ServletContextHandler servlets() {
    Router storeRoutes = new Router();
    new V2OrdersApi(new OrderRenderer(() -> baseUrl)).register(storeRoutes);
    new V3OrdersApi().register(storeRoutes);
    new V3CustomersApi().register(storeRoutes);
    new V2CustomerGroupsApi().register(storeRoutes);
    new V3CatalogApi().register(storeRoutes);
    new V3CategoriesApi().register(storeRoutes);
    new V3PriceListsApi().register(storeRoutes);
    new V3InventoryApi().register(storeRoutes);
    new V3LocationsApi().register(storeRoutes);
    new V3HooksApi(options.allowLocalHttpHookDestinations).register(storeRoutes);
    new V2StoreInfoApi().register(storeRoutes);
    Router b2bRoutes = new Router();
    new B2bCompaniesApi().register(b2bRoutes);
    new B2bUsersApi().register(b2bRoutes);

    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(
        new ServletHolder(new StoreApiServlet(stores, storeRoutes, options.clock)), "/stores/*");
    context.addServlet(
        new ServletHolder(
            new B2bApiServlet(
                stores, b2bRoutes, options.clock, options.b2bQuota, options.b2bWindow)),
        "/api/v3/io/*");
    context.addServlet(
        new ServletHolder(new OAuthTokenServlet(apps)), options.loginPath + "/oauth2/token");
    context.addServlet(new ServletHolder(new ControlServlet(this)), "/__control/*");
    return context;
  }

  /** The API base: clients call {@code baseUrl() + "/stores/{hash}/v3/..."}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Where POST /oauth2/token lives (BigCommerce: https://login.bigcommerce.com). */
  public String loginBaseUrl() {
    return baseUrl + options.loginPath;
  }

  /** The B2B Edition base: clients call {@code b2bBaseUrl() + "/api/v3/io/companies"}. */
  public String b2bBaseUrl() {
    return baseUrl;
  }

  public String controlUrl() {
    return baseUrl + "/__control";
  }

  public Clock clock() {
    return options.clock;
  }

  public SimulatedStore createStore(StoreSpec spec) {
    Store store =
        new Store(
            spec.hash,
            String.valueOf(storeIds.incrementAndGet()),
            spec.name,
            options.clock,
            webhooks);
    String token = spec.accessToken != null ? spec.accessToken : randomHex(16);
    String clientId = spec.clientId != null ? spec.clientId : randomHex(15);
    String secret = spec.clientSecret != null ? spec.clientSecret : randomHex(32);
    ApiCredential credential = new ApiCredential(token, clientId, secret, "all");
    store.addCredential(credential);
    store.setTimeZone(spec.timeZone);
    Map<String, Integer> caps =
        options.concurrencyCaps
            ? Map.of(
                V3CustomersApi.PUT_CONCURRENCY_KEY, 3,
                V3PriceListsApi.RECORDS_PUT_CONCURRENCY_KEY, 2)
            : Map.of();
    StoreRuntime runtime =
        new StoreRuntime(
            store,
            new RateLimiter(
                spec.rateLimitQuota > 0 ? spec.rateLimitQuota : options.rateLimitQuota,
                options.rateLimitWindow),
            new ConcurrencyLimiter(caps),
            new FaultPlan(),
            new RequestLog());
    stores.add(runtime);
    SimulatedStore handle = new SimulatedStore(runtime, credential, webhooks);
    handles.put(spec.hash, handle);
    return handle;
  }

  public Optional<SimulatedStore> store(String hash) {
    return Optional.ofNullable(handles.get(hash));
  }

  public java.util.Collection<SimulatedStore> stores() {
    return handles.values();
  }

  // ---- apps
  // ------------------------------------------------------------------------------------------------

  public void registerApp(AppRegistration app) {
    apps.register(app);
  }

  /**
   * Installs a registered app: calls its auth callback with code, scope and context; returns that
   * call's status.
   */
  public AppInstalls.InstallResult installApp(String storeHash, String clientId) {
    return apps.install(storeHash, clientId);
  }

  public int loadApp(String storeHash, String clientId, SignedPayloads.StoreUser user) {
    return apps.load(storeHash, clientId, user);
  }

  public int uninstallApp(String storeHash, String clientId) {
    return apps.uninstall(storeHash, clientId);
  }

  public int removeUser(String storeHash, String clientId, SignedPayloads.StoreUser user) {
    return apps.removeUser(storeHash, clientId, user);
  }

  WebhookDispatcher webhooks() {
    return webhooks;
  }

  @Override
  public void close() {
    webhooks.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the simulator", e);
    }
  }

  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** How to create a store; unset credentials are generated. */
  public static final class StoreSpec {
    final String hash;
    String name;
    String accessToken;
    String clientId;
    String clientSecret;
    int rateLimitQuota;
    java.time.ZoneId timeZone = java.time.ZoneId.of("Etc/UTC");

    private StoreSpec(String hash) {
      this.hash = hash;
      this.name = "Simulated store " + hash;
    }

    public static StoreSpec named(String hash) {
      return new StoreSpec(hash);
    }

    public StoreSpec name(String name) {
      this.name = name;
      return this;
    }

    public StoreSpec accessToken(String token) {
      this.accessToken = token;
      return this;
    }

    /** The API account / app client id; hooks created with this store's token belong to it. */
    public StoreSpec clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Keys the Standard Webhooks signature; HS256 JWTs need at least 32 characters. */
    public StoreSpec clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** Overrides the simulator-wide quota per window for this store (e.g. 450 for a Pro plan). */
    public StoreSpec rateLimitQuota(int quota) {
      this.rateLimitQuota = quota;
      return this;
    }

    /**
     * The store's time zone, an IANA id such as {@code America/Chicago}: what {@code GET /v2/store}
     * answers as {@code timezone.name} (default {@code Etc/UTC}).
     */
    public StoreSpec timeZone(String ianaId) {
      this.timeZone = java.time.ZoneId.of(ianaId);
      return this;
    }
  }

  /** Simulator-wide settings. Start from {@link #defaults()} and adjust. */
  public static final class Options {
    int port;
    String host = "localhost";
    Clock clock = Clock.systemUTC();
    int rateLimitQuota = 150;
    Duration rateLimitWindow = Duration.ofSeconds(30);
    double webhookTimeScale = 1.0;
    Duration webhookTimeout = Duration.ofSeconds(10);
    boolean concurrencyCaps = true;
    boolean allowLocalHttpHookDestinations;
    int b2bQuota = 150;
    Duration b2bWindow = Duration.ofSeconds(60);
    String loginPath = "/login";

    private Options() {}

    /**
     * Random port, system clock, 150 requests per 30 s, real retry schedule, hook destinations
     * https on port 443 only (as BigCommerce).
     */
    public static Options defaults() {
      return new Options();
    }

    public Options port(int port) {
      this.port = port;
      return this;
    }

    /** Interface to bind; "0.0.0.0" for all. */
    public Options host(String host) {
      this.host = host;
      return this;
    }

    /**
     * Drives rate-limit windows, timestamps and webhook retry times; pass a MutableClock in tests.
     */
    public Options clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Options rateLimit(int quota, Duration window) {
      this.rateLimitQuota = quota;
      this.rateLimitWindow = window;
      return this;
    }

    /**
     * The B2B Edition host's own quota per store, default 150 per 60 s (the documented header
     * example "150 times/60 s").
     */
    public Options b2bRateLimit(int quota, Duration window) {
      this.b2bQuota = quota;
      this.b2bWindow = window;
      return this;
    }

    /** Multiplies BigCommerce's webhook retry delays (e.g. 0.001 turns 60 s into 60 ms). */
    public Options webhookTimeScale(double scale) {
      this.webhookTimeScale = scale;
      return this;
    }

    /**
     * How long a callback may take before it counts as failed (BigCommerce does not document its
     * value).
     */
    public Options webhookTimeout(Duration timeout) {
      this.webhookTimeout = timeout;
      return this;
    }

    public Options concurrencyCaps(boolean enabled) {
      this.concurrencyCaps = enabled;
      return this;
    }

    /**
     * Also accept {@code http://} hook destinations on a loopback host (localhost, 127.0.0.1,
     * [::1]), any port: a simulator-only allowance for the demo and tests whose receiver runs
     * locally. Off by default: BigCommerce accepts https on port 443 only.
     */
    public Options allowLocalHttpHookDestinations(boolean allowed) {
      this.allowLocalHttpHookDestinations = allowed;
      return this;
    }

    /** Path prefix of the login service that hosts /oauth2/token, default "/login". */
    public Options loginPath(String path) {
      this.loginPath = path;
      return this;
    }
  }
}
