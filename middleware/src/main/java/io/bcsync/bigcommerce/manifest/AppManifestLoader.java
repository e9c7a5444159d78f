package io.bcsync.bigcommerce.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.config.BigCommerceAppConfig;
import io.bcsync.config.InvalidConfigurationException;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the app manifest: by default the copy the build packages into the jar ({@code
 * bc-app-manifest/} on the classpath), or the file named by {@code
 * bcsync.bigcommerce.app.manifest-path}. An invalid manifest stops startup.
 */
@Factory
public class AppManifestLoader {
  public static final String CLASSPATH_LOCATION = "bc-app-manifest/bcsync-app.json";
  static final int SUPPORTED_VERSION = 1;

  @Singleton
  AppManifest manifest(BigCommerceAppConfig config) {
    String property = BigCommerceAppConfig.PREFIX + ".manifest-path";
    try {
      if (config.manifestPath() != null) {
        try (InputStream in = Files.newInputStream(Path.of(config.manifestPath()))) {
          return parse(in, property);
        }
      }
      try (InputStream in =
          AppManifestLoader.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION)) {
        if (in == null) {
          throw new InvalidConfigurationException(
              property, "not set and no packaged " + CLASSPATH_LOCATION);
        }
        return parse(in, property);
      }
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          property, "cannot read the app manifest: " + e.getMessage());
    }
  }

  public static AppManifest parse(InputStream in, String property) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root.path("manifestVersion").asInt() != SUPPORTED_VERSION) {
      throw new InvalidConfigurationException(
          property, "manifestVersion must be " + SUPPORTED_VERSION);
    }
    JsonNode callbacks = root.path("callbacks");
    List<AppManifest.Scope> scopes = new ArrayList<>();
    for (JsonNode scope : root.path("scopes")) {
      String name = required(scope, "scope", property);
      scopes.add(new AppManifest.Scope(name, required(scope, "reason", property)));
    }
    JsonNode webhooks = root.path("webhooks");
    String destination = required(webhooks, "destinationPath", property);
    List<AppManifest.HookSpec> hooks = new ArrayList<>();
    for (JsonNode scope : webhooks.path("scopes")) {
      hooks.add(new AppManifest.HookSpec(scope.asText(), destination));
    }
    JsonNode exceptions = webhooks.path("deliveryException");
    if (!exceptions.isMissingNode()) {
      hooks.add(
          new AppManifest.HookSpec(
              required(exceptions, "scope", property),
              required(exceptions, "destinationPath", property)));
    }
    if (scopes.isEmpty() || hooks.isEmpty()) {
      throw new InvalidConfigurationException(
          property, "the manifest lists no scopes or no webhooks");
    }
    return new AppManifest(
        SUPPORTED_VERSION,
        required(root, "appVersion", property),
        required(root, "name", property),
        new AppManifest.Callbacks(
            required(callbacks, "auth", property),
            required(callbacks, "load", property),
            required(callbacks, "uninstall", property),
            required(callbacks, "removeUser", property)),
        List.copyOf(scopes),
        List.copyOf(hooks));
  }

  private static String required(JsonNode node, String field, String property) {
    String value = node.path(field).asText("");
    if (value.isBlank()) {
      throw new InvalidConfigurationException(property, "the manifest lacks '" + field + "'");
    }
    return value;
  }
}
