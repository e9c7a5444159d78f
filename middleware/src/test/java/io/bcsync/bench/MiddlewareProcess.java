package io.bcsync.bench;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.SimulatedSalesforce;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The middleware jar run as its own process on embedded H2, configured for both simulators (and any
 * {@code bench.mw.*} system property), so its peak RSS and CPU time are its own.
 */
final class MiddlewareProcess {
  private final Process process;
  private final int port;

  private MiddlewareProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static MiddlewareProcess start(
      SyncBenchmark.Settings settings,
      BigCommerceSimulator bc,
      SalesforceSimulator sf,
      Map<String, String> extraProperties)
      throws IOException {
    int port = freePort();
    Map<String, String> properties = new HashMap<>(SimulatedSalesforce.passwordLogin(sf));
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put(
        "datasources.default.url",
        "jdbc:h2:file:"
            + settings.workDir().resolve("bcsync").toAbsolutePath()
            + ";LOCK_TIMEOUT=10000");
    properties.put("bcsync.admin-token", SyncBenchmark.ADMIN);
    properties.put("bcsync.staging.allowed-stores", SyncBenchmark.STORE);
    properties.put("bcsync.bigcommerce.api-url", bc.baseUrl());
    properties.put("bcsync.bigcommerce.login-url", bc.loginBaseUrl());
    properties.put(
        "bcsync.bigcommerce.stores." + SyncBenchmark.STORE + ".access-token", SyncBenchmark.TOKEN);
    properties.put(
        "bcsync.bigcommerce.stores." + SyncBenchmark.STORE + ".webhook-secret",
        SyncBenchmark.SECRET);
    properties.put("bcsync.bigcommerce.app.public-url", "http://localhost:" + port);
    properties.putAll(extraProperties);
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("bench.mw."))
        .forEach(k -> properties.put(k.substring("bench.mw.".length()), System.getProperty(k)));
    // The JVM options a user gets (scripts/lib/jvm-options, also read by scripts/run): the memory
    // measured is the default's.
    List<String> command =
        new ArrayList<>(List.of("java", "@" + settings.jvmOptions().toAbsolutePath()));
    // BENCH_MW_JVM in scripts/bench-sync, e.g. a JFR recording to profile the middleware alone.
    for (String arg : System.getProperty("bench.mw-jvm-args", "").trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        command.add(arg);
      }
    }
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-jar", settings.middlewareJar().toString()));
    Path log = settings.workDir().resolve("middleware.log");
    SyncBenchmark.log("middleware log: %s", log);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new MiddlewareProcess(process, port);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  void awaitHealthy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    // Up to ~5 minutes: on a host busy with other builds, start-up alone took over 2.
    for (int i = 0; i < 300 && process.isAlive(); i++) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("middleware did not become healthy; see its log");
  }

  /** The process's peak resident set (VmHWM), in KiB; -1 if the kernel does not tell. */
  long peakRssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
