package io.bcsync.sync.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * JSON fixtures under src/test/resources/sync (written for bcsync, shaped like the official spec
 * examples).
 */
final class Fixtures {
  /** Exact decimals, as a connector reading BigCommerce JSON should be configured. */
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static final Path PACKAGE = Path.of("../sfdx-package/force-app");
  static final String STORE = "abc123";

  private Fixtures() {}

  static JsonNode json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/sync/" + name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Order 3051 with its products, shipping address and coupons embedded, as the sync will fetch it.
   */
  static JsonNode orderDocument() {
    return SourceDocuments.order(
        STORE,
        json("order-v2.json"),
        Map.of(
            "products", json("order-v2-products.json"),
            "shipping_addresses", json("order-v2-shipping-addresses.json"),
            "coupons", json("order-v2-coupons.json")));
  }

  static SalesforceSchema packageSchema() {
    if (!Files.isDirectory(PACKAGE)) {
      throw new IllegalStateException(
          "The tests run from middleware/ and need " + PACKAGE.toAbsolutePath());
    }
    return PackageMetadataSchema.withStandardFields(PACKAGE);
  }

  static Path write(Path dir, String name, String yaml) {
    try {
      return Files.writeString(dir.resolve(name), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
