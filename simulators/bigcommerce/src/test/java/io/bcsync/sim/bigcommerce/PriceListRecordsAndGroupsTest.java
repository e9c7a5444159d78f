package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The price-list records batch (setPriceListRecordCollection in price_lists.v3.yml: non-strict by
 * default, X-Strict-Mode: 1 all or nothing, ≤ 1,000 records, webhooks per record) and a customer's
 * {@code customer_group_id} on {@code PUT /v3/customers} (an unknown group is refused).
 */
class PriceListRecordsAndGroupsTest {
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-01-01T00:00:00Z"));
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;
  private CallbackReceiver receiver;
  private long listId;

  @BeforeEach
  void start() throws Exception {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(clock)
                .rateLimit(10_000, Duration.ofSeconds(30))
                .allowLocalHttpHookDestinations(true));
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named("pl123"));
    api = Http.forStore(sim, store);
    receiver = new CallbackReceiver();
    store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    store.createProduct("Cup", "CUP-1", new BigDecimal("4.00"));
    listId =
        api.post("/v3/pricelists", Map.of("name", "Trade")).json().get("data").get("id").asLong();
  }

  @AfterEach
  void stop() {
    sim.close();
    receiver.close();
  }

  @Test
  void a_non_strict_batch_writes_the_valid_records_and_names_the_refused_ones() {
    Http.Response r =
        api.put(
            "/v3/pricelists/" + listId + "/records",
            List.of(
                Map.of("sku", "MUG-1", "currency", "usd", "price", 8.5),
                Map.of("sku", "GONE-9", "currency", "USD", "price", 1),
                Map.of("sku", "CUP-1", "currency", "USD", "price", -2)));

    assertThat(r.status()).isEqualTo(422);
    JsonNode errors = r.json().get("batch_errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("data").get("sku").asText()).isEqualTo("GONE-9");
    assertThat(errors.get(0).get("data").get("price_list_id").asLong()).isEqualTo(listId);
    assertThat(errors.get(0).get("field_errors").has("sku")).isTrue();
    assertThat(errors.get(1).get("field_errors").has("price")).isTrue();
    JsonNode records = api.get("/v3/pricelists/" + listId + "/records").json().get("data");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).get("sku").asText()).isEqualTo("MUG-1");
    assertThat(records.get(0).get("price").decimalValue()).isEqualByComparingTo("8.5");
  }

  @Test
  void a_strict_batch_with_one_refused_record_writes_nothing() {
    Http.Response r =
        api.send(
            "PUT",
            "/v3/pricelists/" + listId + "/records",
            List.of(
                Map.of("sku", "MUG-1", "currency", "USD", "price", 8.5),
                Map.of("sku", "GONE-9", "currency", "USD", "price", 1)),
            Map.of("X-Strict-Mode", "1"));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("batch_errors")).hasSize(1);
    assertThat(api.get("/v3/pricelists/" + listId + "/records").json().get("data")).isEmpty();
  }

  @Test
  void records_are_upserted_by_variant_and_currency_up_to_a_thousand_per_call() {
    api.put(
        "/v3/pricelists/" + listId + "/records",
        List.of(Map.of("sku", "MUG-1", "currency", "USD", "price", 8.5)));
    api.put(
        "/v3/pricelists/" + listId + "/records",
        List.of(
            Map.of("sku", "MUG-1", "currency", "USD", "price", 7.25),
            Map.of("sku", "MUG-1", "currency", "EUR", "price", 7)));
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(Map.of("sku", "MUG-1", "currency", "USD", "price", i));
    }

    JsonNode records = api.get("/v3/pricelists/" + listId + "/records").json().get("data");
    assertThat(records).hasSize(2);
    assertThat(api.get("/v3/pricelists/" + listId + "/records?currency=usd").json().get("data"))
        .singleElement()
        .satisfies(n -> assertThat(n.get("price").decimalValue()).isEqualByComparingTo("7.25"));
    assertThat(api.put("/v3/pricelists/" + listId + "/records", tooMany).status()).isEqualTo(413);
  }

  @Test
  void each_written_record_fires_its_price_list_record_webhook() {
    Http.Response hook =
        api.post(
            "/v3/hooks",
            Map.of(
                "scope",
                "store/priceList/record/*",
                "destination",
                receiver.url("/hook"),
                "is_active",
                true));
    assertThat(hook.status()).isEqualTo(200);

    api.put(
        "/v3/pricelists/" + listId + "/records",
        List.of(Map.of("sku", "MUG-1", "currency", "USD", "price", 8.5)));
    api.put(
        "/v3/pricelists/" + listId + "/records",
        List.of(Map.of("sku", "MUG-1", "currency", "USD", "price", 8)));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() == 2);
    JsonNode created =
        Http.json(receiver.forScope("store/priceList/record/created").get(0).body()).get("data");
    assertThat(created.get("price_list_id").asLong()).isEqualTo(listId);
    assertThat(created.get("currency").asText()).isEqualTo("USD");
    assertThat(receiver.forScope("store/priceList/record/updated")).hasSize(1);
  }

  @Test
  void a_customer_is_moved_into_an_existing_group_only() {
    long customerId = store.createCustomer("pat@example.com", "Pat", "Lee");
    long groupId =
        api.post("/v2/customer_groups", Map.of("name", "Gold")).json().get("id").asLong();

    Http.Response unknown =
        api.put(
            "/v3/customers",
            List.of(
                Map.of("id", customerId, "phone", "1"),
                Map.of("id", customerId, "customer_group_id", groupId + 1000)));
    api.put(
        "/v3/pricelists/" + listId + "/records",
        List.of(Map.of("sku", "MUG-1", "currency", "USD", "price", 8.5)));
    api.post(
        "/v3/pricelists/assignments",
        List.of(Map.of("price_list_id", listId, "customer_group_id", groupId, "channel_id", 1)));
    BigDecimal before = store.priceSeenBy(customerId, "MUG-1", "USD");
    Http.Response moved =
        api.put("/v3/customers", List.of(Map.of("id", customerId, "customer_group_id", groupId)));

    assertThat(unknown.status()).isEqualTo(422);
    assertThat(moved.status()).isEqualTo(200);
    JsonNode customer = api.get("/v3/customers?id:in=" + customerId).json().get("data").get(0);
    assertThat(customer.get("customer_group_id").asLong()).isEqualTo(groupId);
    assertThat(customer.get("phone").asText()).as("the refused batch wrote nothing").isEmpty();
    assertThat(before).isEqualByComparingTo("9.95");
    assertThat(store.priceSeenBy(customerId, "MUG-1", "USD")).isEqualByComparingTo("8.5");
    assertThat(
            api.put("/v3/customers", List.of(Map.of("id", customerId, "customer_group_id", 0)))
                .status())
        .isEqualTo(200);
  }
}
