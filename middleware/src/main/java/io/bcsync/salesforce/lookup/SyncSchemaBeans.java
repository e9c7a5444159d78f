package io.bcsync.salesforce.lookup;

import com.sforce.ws.ConnectionException;
import io.bcsync.config.InvalidConfigurationException;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.sync.mapping.PackageMetadataSchema;
import io.bcsync.sync.mapping.SalesforceSchema;
import io.bcsync.sync.mapping.SyncConfigLoader;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema the core's sync mappings are validated against (the org's own describe, or the SFDX
 * package source), and the loader that uses it. Lives with the Salesforce adapter because
 * describing needs the connection; the core sees only {@link SalesforceSchema}.
 */
@Factory
@Requires(condition = SalesforceConfigured.class)
public class SyncSchemaBeans {
  private static final Logger LOG = LoggerFactory.getLogger(SyncSchemaBeans.class);

  /**
   * Objects the shipped defaults and typical store mappings name: described in two calls at
   * startup.
   */
  private static final List<String> MAPPED_OBJECTS =
      List.of(
          "Account",
          "Contact",
          "Lead",
          "Order",
          "OrderItem",
          "Opportunity",
          "OpportunityLineItem",
          "BC_Order__c",
          "BC_Order_Line__c",
          "Product2",
          "PricebookEntry");

  /**
   * What mappings are validated against ({@code bcsync.sync.schema-source}): {@code describe} asks
   * the org itself (its admins' fields, the package version really installed, the integration
   * user's field access); {@code package} reads the SFDX source plus the standard fields (offline,
   * what the simulator's org looks like); {@code auto} (default) describes, and only when the org
   * cannot be reached at startup falls back to the package source if one is found, so a Salesforce
   * outage does not keep webhook intake down.
   */
  @Singleton
  SalesforceSchema syncSchema(
      @Value("${bcsync.sync.schema-source:auto}") String source,
      @Nullable @Value("${bcsync.sync.package-metadata:}") String packageMetadata,
      BeanProvider<SalesforceConnector> connector) {
    return switch (source.strip().toLowerCase(Locale.ROOT)) {
      case "package" -> packageSchema(packageMetadata);
      case "describe" -> describe(connector.get());
      case "auto" -> {
        try {
          yield describe(connector.get());
        } catch (RuntimeException unreachable) {
          SalesforceSchema fallback = packageSchema(packageMetadata);
          LOG.warn(
              "Salesforce could not be described at startup ({}); sync mappings are validated against the"
                  + " package source instead",
              unreachable.getMessage());
          yield fallback;
        }
      }
      default ->
          throw new InvalidConfigurationException(
              "bcsync.sync.schema-source",
              "must be auto, describe or package; was '" + source + "'");
    };
  }

  private static SalesforceSchema describe(SalesforceConnector connector) {
    try {
      return new DescribeSchema(connector).prefetch(MAPPED_OBJECTS);
    } catch (ConnectionException e) {
      throw new IllegalStateException(
          "describing the org failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private static SalesforceSchema packageSchema(String packageMetadata) {
    return PackageMetadataSchema.withStandardFields(
        packageMetadata == null || packageMetadata.isBlank()
            ? findPackage()
            : Path.of(packageMetadata));
  }

  /**
   * sfdx-package/force-app in the working directory or above it (a checkout, or the image's /app).
   */
  private static Path findPackage() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("sfdx-package/force-app");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new InvalidConfigurationException(
        "bcsync.sync.package-metadata",
        "is not set and no sfdx-package/force-app was found above "
            + Path.of("").toAbsolutePath()
            + "; the sync mapping cannot be validated without the org's schema");
  }

  @Singleton
  SyncConfigLoader syncConfigLoader(SalesforceSchema schema) {
    return new SyncConfigLoader(schema);
  }
}
