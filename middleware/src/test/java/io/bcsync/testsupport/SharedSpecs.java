package io.bcsync.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the official BigCommerce specs kept beside the repository in {@code ../shared/specs}.
 * They are never copied into the repository: tests that need them skip outside CI when the folder
 * is missing, and fail in CI.
 */
public final class SharedSpecs {
  private SharedSpecs() {}

  public static Path bigCommerce() {
    String configured = System.getProperty("bcsync.specs.dir");
    Path specs = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "specs");
    Path bigCommerce = specs.resolve("bigcommerce").normalize();
    if (!Files.isDirectory(bigCommerce)) {
      String message =
          "BigCommerce specs not found at "
              + bigCommerce.toAbsolutePath()
              + " (expected ../shared/specs beside the repository)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI requires the shared specs. " + message);
      }
      Assumptions.abort("Skipping: " + message);
    }
    return bigCommerce;
  }
}
