package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog honours {@code include_fields} ("The ID and the specified fields will be returned")
 * and {@code exclude_fields} ("The ID cannot be excluded"): products_catalog.v3.yml and
 * product-variants_catalog.v3.yml under ../shared/specs/bigcommerce/bigcommerce-docs/reference/;
 * ../shared/reference/bigcommerce.md 1.3.
 */
class FieldSelectionTest {
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;

  @BeforeEach
  void start() {
    sim = BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults());
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named("fields1"));
    api = Http.forStore(sim, store);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void include_fields_returns_the_id_and_the_named_fields_and_exclude_fields_keeps_the_id() {
    long id = store.createProduct("Selected Fields", "SEL-1", new BigDecimal("3.00"));

    JsonNode listed = api.get("/v3/catalog/products?include_fields=name,sku").json();
    JsonNode one = api.get("/v3/catalog/products/" + id + "?include_fields=categories").json();
    JsonNode excluded =
        api.get("/v3/catalog/products/" + id + "?exclude_fields=id,name,price").json();

    assertThat(listed.get("data").get(0).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("id", "name", "sku");
    assertThat(one.get("data").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("id", "categories");
    assertThat(excluded.get("data").has("id")).isTrue();
    assertThat(excluded.get("data").has("name")).isFalse();
    assertThat(excluded.get("data").has("price")).isFalse();
    assertThat(excluded.get("data").has("sku")).isTrue();
  }
}
