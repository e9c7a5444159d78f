package io.bcsync.sim.bigcommerce;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the BigCommerce specs kept next to the repository (never copied into it): system property
 * bcsync.specs.dir, else ../../../shared/specs from this module. Missing specs skip the contract
 * tests, except in CI (CI=true) where they fail.
 */
final class SpecsLocation {
  private SpecsLocation() {}

  static Path bigcommerceSpecs() {
    String configured = System.getProperty("bcsync.specs.dir");
    Path root =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("../../../shared/specs");
    Path dir = root.resolve("bigcommerce").normalize();
    if (!Files.isDirectory(dir.resolve("bigcommerce-docs/reference"))) {
      String message =
          "BigCommerce OpenAPI specs not found at "
              + dir.toAbsolutePath()
              + " (set -Dbcsync.specs.dir=<shared>/specs); contract tests need ../shared/specs/bigcommerce";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return dir;
  }
}
