package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v3/customers} pages by cursor as well as by page, and the catalog honours {@code
 * include_fields}/{@code exclude_fields}. Sources: customers.v3.yml ({@code after}/{@code before}
 * parameters, {@code _metaCollectionWithCursorPagination}: both pagination and cursor_pagination on
 * the first page, only pagination for page &gt; 1, only cursor_pagination with a cursor) and
 * products_catalog.v3.yml ({@code include_fields}: "The ID and the specified fields will be
 * returned"; {@code exclude_fields}: "The ID cannot be excluded"), under
 * ../shared/specs/bigcommerce/bigcommerce-docs/reference/; ../shared/reference/bigcommerce.md 1.3.
 */
class CustomersCursorPagingTest {
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;

  @BeforeEach
  void start() {
    sim = BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults());
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named("cursor1"));
    api = Http.forStore(sim, store);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static List<Long> ids(JsonNode body) {
    List<Long> ids = new ArrayList<>();
    body.get("data").forEach(c -> ids.add(c.get("id").asLong()));
    return ids;
  }

  @Test
  void customers_come_in_cursor_pages_with_the_meta_the_spec_describes() {
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(store.createCustomer("c" + i + "@example.com", "C" + i, "Cursor"));
    }

    JsonNode first = api.get("/v3/customers?limit=2").json();
    assertThat(ids(first)).isEqualTo(created.subList(0, 2));
    assertThat(first.get("meta").has("pagination")).isTrue();
    JsonNode cursor = first.get("meta").get("cursor_pagination");
    assertThat(cursor.get("count").asInt()).isEqualTo(2);
    assertThat(cursor.get("per_page").asInt()).isEqualTo(2);
    assertThat(cursor.get("links").has("previous")).isFalse();
    String end = cursor.get("end_cursor").asText();
    assertThat(cursor.get("links").get("next").asText()).contains("after=");

    JsonNode second = api.get("/v3/customers?limit=2&page=7&after=" + enc(end)).json();
    assertThat(ids(second)).as("page is ignored with a cursor").isEqualTo(created.subList(2, 4));
    assertThat(second.get("meta").has("pagination")).isFalse();
    JsonNode secondCursor = second.get("meta").get("cursor_pagination");
    assertThat(secondCursor.get("links").has("previous")).isTrue();

    JsonNode last =
        api.get("/v3/customers?limit=2&after=" + enc(secondCursor.get("end_cursor").asText()))
            .json();
    assertThat(ids(last)).isEqualTo(created.subList(4, 5));
    assertThat(last.get("meta").get("cursor_pagination").get("links").has("next")).isFalse();

    JsonNode back =
        api.get("/v3/customers?limit=2&before=" + enc(secondCursor.get("start_cursor").asText()))
            .json();
    assertThat(ids(back)).isEqualTo(created.subList(0, 2));

    JsonNode pageTwo = api.get("/v3/customers?limit=2&page=2").json();
    assertThat(ids(pageTwo)).isEqualTo(created.subList(2, 4));
    assertThat(pageTwo.get("meta").has("cursor_pagination")).isFalse();
    assertThat(api.get("/v3/customers?after=bm90LWEtY3Vyc29y").status()).isEqualTo(422);
  }

  private static String enc(String cursor) {
    return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }
}
