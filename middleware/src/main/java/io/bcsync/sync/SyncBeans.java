package io.bcsync.sync;

import io.bcsync.sync.mapping.PackageMetadataSchema;
import io.bcsync.sync.mapping.SalesforceSchema;
import io.bcsync.sync.mapping.SyncConfigLoader;
import io.bcsync.config.InvalidConfigurationException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;

/** The schema mappings are validated against, and the loader that uses it. */
@Factory
@Requires(condition = SalesforceConfigured.class)
public class SyncBeans {

  /**
   * The package's SFDX source plus the standard fields: what the simulator's org (and an org with the package
   * installed) looks like. {@link Secondary}: a describe-based schema bean for real orgs replaces it.
   */
  @Singleton
  @Secondary
  SalesforceSchema packageSchema(@Nullable @Value("${bcsync.sync.package-metadata:}") String packageMetadata) {
    return PackageMetadataSchema.withStandardFields(packageMetadata == null || packageMetadata.isBlank()
        ? findPackage() : Path.of(packageMetadata));
  }

  /** sfdx-package/force-app in the working directory or above it (a checkout, or the image's /app). */
  private static Path findPackage() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("sfdx-package/force-app");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new InvalidConfigurationException("bcsync.sync.package-metadata",
        "is not set and no sfdx-package/force-app was found above " + Path.of("").toAbsolutePath()
            + "; the sync mapping cannot be validated without the org's schema");
  }

  @Singleton
  SyncConfigLoader syncConfigLoader(SalesforceSchema schema) {
    return new SyncConfigLoader(schema);
  }
}
