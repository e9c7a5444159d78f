package io.bcsync.sim.bigcommerce;

import io.bcsync.sim.bigcommerce.demo.DemoActivity;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone with one demo store. Every option can be given as "--name value" or
 * as the environment variable BC_SIM_NAME (upper case, dashes as underscores); arguments win. See
 * README.md.
 */
public final class BigCommerceSimulatorMain {
  private BigCommerceSimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "bc-sim-logback.xml");
    }
    Map<String, String> opts = parse(args);
    if (opts.containsKey("help")) {
      System.out.println(usage());
      return;
    }
    BigCommerceSimulator.Options options =
        BigCommerceSimulator.Options.defaults()
            .port(Integer.parseInt(opt(opts, "port", "8081")))
            .host(opt(opts, "host", "0.0.0.0"))
            .rateLimit(
                Integer.parseInt(opt(opts, "rate-limit", "150")),
                Duration.ofMillis(Long.parseLong(opt(opts, "rate-window-ms", "30000"))))
            .webhookTimeScale(Double.parseDouble(opt(opts, "webhook-time-scale", "1.0")))
            .allowLocalHttpHookDestinations(
                Boolean.parseBoolean(opt(opts, "allow-local-http-hooks", "false")));
    if (Boolean.parseBoolean(opt(opts, "simulated-clock", "false"))) {
      options.clock(MutableClock.startingAt(Instant.now()));
    }
    BigCommerceSimulator sim = BigCommerceSimulator.start(options);
    SimulatedStore store =
        sim.createStore(
            BigCommerceSimulator.StoreSpec.named(opt(opts, "store-hash", "demo123"))
                .name("bcsync demo store")
                .accessToken(opt(opts, "access-token", "demo-token"))
                .clientId(opt(opts, "client-id", "demo-client-id"))
                .clientSecret(opt(opts, "client-secret", "demo-client-secret-0123456789abcdef")));
    DemoActivity demo = new DemoActivity(store);
    boolean demoOn = Boolean.parseBoolean(opt(opts, "demo", "true"));
    if (demoOn) {
      demo.seed();
      demo.start(Duration.ofSeconds(Long.parseLong(opt(opts, "demo-interval-seconds", "10"))));
    }
    // The token is printed on purpose: it is a local demo credential that scripts/run and humans
    // need.
    System.out.println("BigCommerce simulator listening on " + sim.baseUrl());
    System.out.println("  API base:     " + sim.baseUrl() + "/stores/" + store.hash() + "/v3");
    System.out.println("  store hash:   " + store.hash() + " (store_id " + store.storeId() + ")");
    System.out.println("  X-Auth-Token: " + store.accessToken());
    System.out.println("  client id:    " + store.clientId());
    System.out.println(
        "  login base:   " + sim.loginBaseUrl() + "   control API: " + sim.controlUrl());
    System.out.println("  demo activity: " + (demoOn ? "on" : "off"));
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  demo.close();
                  sim.close();
                  stop.countDown();
                }));
    stop.await();
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> result = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i] + "\n" + usage());
      }
      String key = args[i].substring(2);
      int eq = key.indexOf('=');
      if (eq > 0) {
        result.put(key.substring(0, eq), key.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        result.put(key, args[++i]);
      } else {
        result.put(key, "true");
      }
    }
    return result;
  }

  private static String opt(Map<String, String> opts, String name, String fallback) {
    if (opts.containsKey(name)) {
      return opts.get(name);
    }
    String env = System.getenv("BC_SIM_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    return env != null ? env : fallback;
  }

  static String usage() {
    return String.join(
        "\n",
        "usage: java -cp <classpath> io.bcsync.sim.bigcommerce.BigCommerceSimulatorMain [options]",
        "  --port N                    (8081)     --host H (0.0.0.0)",
        "  --store-hash H              (demo123)  --access-token T (demo-token)",
        "  --client-id C               (demo-client-id)  --client-secret S",
        "  --rate-limit N              (150 per window)  --rate-window-ms N (30000)",
        "  --demo true|false           (true)     --demo-interval-seconds N (10)",
        "  --webhook-time-scale X      (1.0; 0.01 makes a 60 s retry 0.6 s)",
        "  --allow-local-http-hooks true (false: https on 443 only)    --simulated-clock true (false; then POST /__control/clock/advance)",
        "environment: BC_SIM_PORT, BC_SIM_STORE_HASH, ... (same names, upper case)");
  }
}
