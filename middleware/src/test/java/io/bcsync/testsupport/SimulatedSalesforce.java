package io.bcsync.testsupport;

import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the Salesforce simulator with the repository's package metadata and gives the properties
 * to reach it.
 */
public final class SimulatedSalesforce {
  private SimulatedSalesforce() {}

  public static Path packageMetadata() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("sfdx-package/force-app");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "sfdx-package/force-app not found above " + Path.of("").toAbsolutePath());
  }

  /**
   * A sandbox (what a staging environment accepts) with the package's objects, fields and CDC
   * selections.
   */
  public static SimulatorOptions sandbox() {
    return SimulatorOptions.defaults().metadata(packageMetadata()).sandbox(true);
  }

  public static SalesforceSimulator start(SimulatorOptions options) {
    return SalesforceSimulator.start(options);
  }

  /** Username/password login (the local-development grant) as the simulator's integration user. */
  public static Map<String, String> passwordLogin(SalesforceSimulator sim) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("bcsync.salesforce.login-url", sim.baseUrl());
    properties.put("bcsync.salesforce.auth-mode", "password");
    properties.put("bcsync.salesforce.username", sim.integrationUser().username());
    properties.put("bcsync.salesforce.password", sim.integrationUser().password());
    properties.put("bcsync.salesforce.security-token", sim.integrationUser().securityToken());
    properties.put("bcsync.salesforce.api.connect-timeout", "5s");
    properties.put("bcsync.salesforce.api.read-timeout", "30s");
    return properties;
  }
}
