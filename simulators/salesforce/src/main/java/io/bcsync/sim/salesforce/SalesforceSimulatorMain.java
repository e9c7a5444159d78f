package io.bcsync.sim.salesforce;

import io.bcsync.sim.salesforce.auth.ConnectedApp;
import io.bcsync.sim.salesforce.auth.SimUser;
import io.bcsync.sim.salesforce.ids.SalesforceIds;
import io.bcsync.sim.salesforce.oauth.PublicKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulated org standalone (default port 8082). Flags are documented in
 * simulators/salesforce/README.md.
 */
public final class SalesforceSimulatorMain {
  private SalesforceSimulatorMain() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      // A plain logback.xml in this jar would fight the middleware's own when embedded in its
      // tests.
      System.setProperty("logback.configurationFile", "bcsync-sim-salesforce-logback.xml");
    }
    SimulatorOptions options = parse(args);
    SalesforceSimulator sim = SalesforceSimulator.start(options);
    Duration demoEdits = demoEdits(args);
    if (!demoEdits.isZero()) {
      DemoEdits.every(sim, demoEdits);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "salesforce-simulator-shutdown"));
    printBanner(sim);
    new CountDownLatch(1).await();
  }

  static SimulatorOptions parse(String[] args) throws IOException {
    SimulatorOptions options = SimulatorOptions.defaults().port(8082).host("0.0.0.0");
    List<Path> metadata = new ArrayList<>();
    String clientId = null;
    String clientSecret = null;
    String callback = null;
    String certificate = null;
    Path demoKeyOut = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help")) {
        System.out.println(usage());
        System.exit(0);
      }
      if (flag.equals("--sandbox")) {
        options.sandbox(true);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Missing value for " + flag + "\n" + usage());
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> options.port(Integer.parseInt(value));
        case "--host" -> options.host(value);
        case "--metadata" -> metadata.add(Path.of(value));
        case "--org-id" -> options.orgId(value);
        case "--org-name" -> options.orgName(value);
        case "--user" -> options.user(parseUser(value));
        case "--client-id" -> clientId = value;
        case "--client-secret" -> clientSecret = value;
        case "--callback-url" -> callback = value;
        case "--jwt-cert" -> certificate = Files.readString(Path.of(value));
        case "--jwt-demo-key-out" -> demoKeyOut = Path.of(value);
        case "--event-retention-hours" ->
            options.eventRetention(Duration.ofHours(Long.parseLong(value)));
        case "--session-timeout-minutes" ->
            options.sessionTimeout(Duration.ofMinutes(Long.parseLong(value)));
        case "--daily-api-limit" -> options.dailyApiLimit(Long.parseLong(value));
        case "--enable-cdc" -> options.enableCdc(value);
        case "--demo-edits-seconds" -> {
          if (Long.parseLong(value) < 0) {
            throw new IllegalArgumentException("--demo-edits-seconds must be 0 or more");
          }
        }
        default -> throw new IllegalArgumentException("Unknown flag " + flag + "\n" + usage());
      }
    }
    if (metadata.isEmpty()) {
      defaultMetadata().ifPresent(metadata::add);
    }
    metadata.forEach(options::metadata);
    java.security.interfaces.RSAPublicKey jwtKey =
        certificate == null ? null : PublicKeys.fromPem(certificate);
    if (demoKeyOut != null) {
      jwtKey = DemoJwtKey.generateInto(demoKeyOut);
    }
    if (clientId != null || jwtKey != null) {
      ConnectedApp defaults = SimulatorOptions.DEFAULT_CONNECTED_APP;
      options.connectedApp(
          new ConnectedApp(
              clientId == null ? defaults.clientId() : clientId,
              clientSecret == null ? defaults.clientSecret() : clientSecret,
              callback == null ? defaults.callbackUrl() : callback,
              jwtKey));
    }
    return options;
  }

  /** {@code --demo-edits-seconds N}: how often the org's users edit a record (0: never). */
  static Duration demoEdits(String[] args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--demo-edits-seconds")) {
        return Duration.ofSeconds(Long.parseLong(args[i + 1]));
      }
    }
    return Duration.ZERO;
  }

  /** username:password[:securityToken] */
  private static SimUser parseUser(String spec) {
    String[] parts = spec.split(":", 3);
    if (parts.length < 2) {
      throw new IllegalArgumentException("--user needs username:password[:securityToken]");
    }
    String id =
        SalesforceIds.to18(
            "0058c00000" + String.format("%05d", Math.abs(parts[0].hashCode()) % 100000));
    return new SimUser(
        id, parts[0], parts[1], parts.length > 2 ? parts[2] : null, null, parts[0], parts[0]);
  }

  /**
   * sfdx-package/force-app of this repository, from the repository root or from the module
   * directory.
   */
  private static java.util.Optional<Path> defaultMetadata() {
    for (String candidate : List.of("sfdx-package/force-app", "../../sfdx-package/force-app")) {
      Path path = Path.of(candidate);
      if (Files.isDirectory(path)) {
        return java.util.Optional.of(path.toAbsolutePath().normalize());
      }
    }
    return java.util.Optional.empty();
  }

  private static void printBanner(SalesforceSimulator sim) {
    SimUser user = sim.integrationUser();
    ConnectedApp app = SimulatorOptions.DEFAULT_CONNECTED_APP;
    StringBuilder out =
        new StringBuilder()
            .append("bcsync Salesforce simulator running (org ")
            .append(sim.orgId())
            .append(sim.isSandbox() ? ", sandbox" : "")
            .append(")\n")
            .append("  instance URL     ")
            .append(sim.baseUrl())
            .append('\n')
            .append("  SOAP login URL   ")
            .append(sim.loginUrl())
            .append('\n')
            .append("  OAuth token URL  ")
            .append(sim.tokenUrl())
            .append('\n')
            .append("  CometD URL       ")
            .append(sim.cometdUrl())
            .append('\n')
            .append("  control API      ")
            .append(sim.controlUrl())
            .append('\n')
            .append("  demo login       ")
            .append(user.username())
            .append(" / password ")
            .append(user.password())
            .append(" + security token ")
            .append(user.securityToken())
            .append(" (simulator-only demo credentials)\n")
            .append("  demo OAuth app   client_id ")
            .append(app.clientId())
            .append(", client_secret ")
            .append(app.clientSecret())
            .append('\n');
    sim.metadataReports()
        .forEach(
            r ->
                out.append("  metadata         ")
                    .append(r.objects().size())
                    .append(" objects, ")
                    .append(r.fields())
                    .append(" fields, CDC on ")
                    .append(r.cdcEntities())
                    .append('\n'));
    System.out.print(out);
  }

  static String usage() {
    return "Usage: SalesforceSimulatorMain [--port 8082] [--host 0.0.0.0] [--metadata <force-app dir>]... [--sandbox]\n"
        + "  [--org-id <18-char id>] [--org-name <name>] [--user username:password[:token]]...\n"
        + "  [--client-id <key>] [--client-secret <secret>] [--callback-url <url>] [--jwt-cert <PEM file>]\n"
        + "  [--jwt-demo-key-out <file for a generated PKCS#8 private key>]\n"
        + "  [--event-retention-hours 72] [--session-timeout-minutes 120] [--daily-api-limit 100000]\n"
        + "  [--enable-cdc <Entity>]... [--demo-edits-seconds 0]";
  }
}
