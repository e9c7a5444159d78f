package io.bcsync.salesforce.guard;

import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.SalesforceConfig;
import io.bcsync.environment.EnvironmentGuardException;
import io.bcsync.http.LogSafe;
import io.bcsync.salesforce.soap.OrgInfo;
import jakarta.inject.Singleton;

/**
 * The Salesforce half of the environment guard, applied to every new connection before anything is
 * written: staging refuses production orgs, production refuses sandboxes unless allowed, and a
 * configured org id must match.
 */
@Singleton
public class OrgGuard {
  private final BcsyncConfig service;
  private final SalesforceConfig salesforce;

  public OrgGuard(BcsyncConfig service, SalesforceConfig salesforce) {
    this.service = service;
    this.salesforce = salesforce;
  }

  /**
   * @throws EnvironmentGuardException explaining which rule refused the org and which setting
   *     governs it
   */
  public void check(OrgInfo org) {
    String who =
        "Salesforce org "
            + org.orgId()
            + " ("
            // The org's name is chosen by whoever owns the org: shown escaped and short.
            + LogSafe.printable(org.name(), 80)
            + ", "
            + (org.sandbox() ? "sandbox" : "production")
            + ")";
    if (salesforce.orgId() != null && !sameId(salesforce.orgId(), org.orgId())) {
      throw new EnvironmentGuardException(
          "Refusing to connect: "
              + who
              + " is not the configured org "
              + salesforce.orgId()
              + " (bcsync.salesforce.org-id)");
    }
    if (!service.isProduction() && !org.sandbox()) {
      throw new EnvironmentGuardException(
          "Refusing to connect: "
              + who
              + " is a production org and this is a staging"
              + " environment (bcsync.environment=staging). Point staging at a sandbox.");
    }
    if (service.isProduction() && org.sandbox() && !salesforce.allowSandboxInProduction()) {
      throw new EnvironmentGuardException(
          "Refusing to connect: "
              + who
              + " is a sandbox and this is the production"
              + " environment; set bcsync.salesforce.allow-sandbox-in-production=true if that is intended");
    }
  }

  /**
   * Salesforce ids compare on their case-sensitive 15-character form; the 18-character form adds a
   * checksum.
   */
  static boolean sameId(String a, String b) {
    return a.length() >= 15 && b.length() >= 15 && a.substring(0, 15).equals(b.substring(0, 15));
  }
}
