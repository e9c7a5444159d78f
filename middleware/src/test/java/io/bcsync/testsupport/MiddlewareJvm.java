package io.bcsync.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The built middleware ({@code io.bcsync.Application}) in a JVM of its own, started from this test
 * JVM's classpath (the reactor's freshly compiled classes and the dependencies), configured only by
 * system properties. It can be killed as a crash would (SIGKILL: no shutdown hook, no finally, no
 * transaction finished) and started again on the same database. Its output goes to a log file whose
 * path failures name.
 */
public final class MiddlewareJvm implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final int port;
  private final Path log;
  private final String adminToken;

  private MiddlewareJvm(Process process, int port, Path log, String adminToken) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.adminToken = adminToken;
  }

  /**
   * @param properties the configuration ({@code micronaut.server.port} and {@code
   *     bcsync.admin-token} among them)
   * @param log where its output goes (appended, so a restart's follows the first run's)
   */
  public static MiddlewareJvm start(Map<String, String> properties, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.bcsync.Application"));
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new MiddlewareJvm(
        process,
        Integer.parseInt(properties.get("micronaut.server.port")),
        log,
        properties.get("bcsync.admin-token"));
  }

  /** Until {@code /health} answers 200; fails early, naming the log, if the process died. */
  public MiddlewareJvm awaitHealthy(Duration atMost) {
    Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "the middleware exited; see " + log + ", which ends:\n" + tail(20));
              }
              return get("/health").statusCode() == 200;
            });
    return this;
  }

  /** SIGKILL, as a crash or {@code kill -9}; returns once the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the middleware survived SIGKILL");
    }
  }

  /** SIGTERM, as an orchestrator stops it; returns at once, so a test can watch the shutdown. */
  public void terminate() {
    process.destroy();
  }

  /** Its exit status once it is gone (143 after a SIGTERM handled gracefully). */
  public int awaitExit(Duration atMost) throws InterruptedException {
    if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the middleware did not stop within " + atMost);
    }
    return process.exitValue();
  }

  /** The admin API's answer as JSON. */
  public JsonNode admin(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  /** Work items per status ({@code PENDING}, {@code DONE}, {@code DEAD}, …), 0 when none. */
  public long workItems(String status) throws IOException, InterruptedException {
    return admin("/admin/counts").path("workItems").path(status).asLong(0);
  }

  public Path log() {
    return log;
  }

  /** The last lines of its log, for a failure message. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + adminToken)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Stops it the way a test's cleanup should: at once, whatever state it is in. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
