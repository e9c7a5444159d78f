package io.bcsync.bench;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
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
  private final Path log;

  private MiddlewareProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static MiddlewareProcess start(
      SyncBenchmark.Settings settings,
      BigCommerceSimulator bc,
      SalesforceSimulator sf,
      Map<String, String> extraProperties)
      throws IOException {
    return start(settings, bc, sf, extraProperties, "middleware");
  }

  /**
   * A middleware process whose log is {@code name.log} in the work directory; {@code
   * extraProperties} win over the defaults here (e.g. a MariaDB URL instead of H2, another
   * instance's public URL).
   */
  static MiddlewareProcess start(
      SyncBenchmark.Settings settings,
      BigCommerceSimulator bc,
      SalesforceSimulator sf,
      Map<String, String> extraProperties,
      String name)
      throws IOException {
    return start(settings, settings.middlewareJar(), bc, sf, extraProperties, name);
  }

  /** The same with another build's jar (an older version, for the rolling-upgrade check). */
  static MiddlewareProcess start(
      SyncBenchmark.Settings settings,
      Path jar,
      BigCommerceSimulator bc,
      SalesforceSimulator sf,
      Map<String, String> extraProperties,
      String name)
      throws IOException {
    int port = freePort();
    Map<String, String> properties = new HashMap<>(SimulatedSalesforce.passwordLogin(sf));
    properties.put("micronaut.server.port", String.valueOf(port));
    // The shipped URL's settings: the shutdown measured is the one a user gets.
    properties.putAll(TestDatabases.h2File(settings.workDir(), "MAX_COMPACT_TIME=5000"));
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
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("bench.mw."))
        .forEach(k -> properties.put(k.substring("bench.mw.".length()), System.getProperty(k)));
    properties.putAll(extraProperties);
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
    command.addAll(List.of("-jar", jar.toString()));
    Path log = settings.workDir().resolve(name + ".log");
    SyncBenchmark.log("middleware log: %s", log);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new MiddlewareProcess(process, port, log);
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
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
    Path status = Path.of("/proc/" + process.pid() + "/status");
    if (!process.isAlive() || !Files.isReadable(status)) {
      return -1; // exited: its peak went with it (see outcome())
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /**
   * Whether the process lived through the run, or how it ended: its exit status and whether its log
   * shows an OutOfMemoryError (jvm-options makes the JVM exit on one).
   */
  String outcome() throws IOException {
    if (process.isAlive()) {
      return "running at the end of the run";
    }
    boolean outOfMemory;
    try (var lines = Files.lines(log)) {
      outOfMemory = lines.anyMatch(line -> line.contains("OutOfMemoryError"));
    }
    return "EXITED during the run with status "
        + process.exitValue()
        + (outOfMemory ? ", OutOfMemoryError in its log" : ", no OutOfMemoryError in its log");
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
