package io.bcsync.webhook;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static io.bcsync.testsupport.WebhookCalls.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.Db;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input rules of {@code POST /webhooks/bigcommerce} (docs/pipeline.md, "Input rules"): every
 * callback that is not a plausible BigCommerce callback is refused with a 4xx naming the reason,
 * even with the right store secret, and stores nothing. ({@code ContentEncodingTest} has the 415.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookInputRulesTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject Db db;
  @Inject QueueInspector inspector;
  @Inject MutableClock clock;
  @Inject ObjectMapper mapper;

  URI base;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("test.mutable-clock", "true");
    return properties;
  }

  @BeforeEach
  void setUp() {
    base = server.getURI();
    clock.set(System.currentTimeMillis());
    Tables.clear(db);
  }

  @Test
  void a_long_scope_is_400_not_a_500() throws Exception {
    for (int length : new int[] {129, 150, 196}) {
      String scope = "store/" + "a".repeat(length - "store/x/".length()) + "/x";
      assertThat(scope).hasSize(length);
      assertRefused(callback(scope, "{}", "1561479335"), 400, "malformed", "scope");
    }
  }

  @Test
  void an_unknown_but_well_formed_scope_is_accepted_and_keyed_on_what_it_names() throws Exception {
    String longest = "store/" + "a".repeat(128 - "store/x/".length()) + "/x";
    assertAccepted(callback(longest, "{}", "1561479335"), "teststore1|scope|" + longest);
    assertAccepted(
        callback("store/gadget/polished", "{\"type\":\"gadget\",\"id\":7}", "1561479335"),
        "teststore1|gadget|7");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "store",
        "store/order",
        "store/order/../created",
        "store/order//created",
        "store/order/created.json",
        "store/order/created?x=1",
        "shop/order/created"
      })
  void a_scope_outside_the_grammar_is_400(String scope) throws Exception {
    assertRefused(
        callback(scope, "{\"type\":\"order\",\"id\":1}", "1561479335"), 400, "malformed", "scope");
  }

  @Test
  void content_after_the_json_object_is_400() throws Exception {
    String body = orderCallback("store/order/created", 250, "h");
    assertRefused(post(base, body + body, secretHeader()), 400, "malformed", "exactly one JSON");
    assertRefused(post(base, body + " []", secretHeader()), 400, "malformed", "exactly one JSON");
    assertRefused(post(base, body + " garbage", secretHeader()), 400, "malformed", "JSON");
    assertAccepted(post(base, body + "\r\n  \n", secretHeader()), "teststore1|order|250");
  }

  @Test
  void nesting_beyond_a_thousand_levels_is_400() throws Exception {
    String deep = "{\"type\":\"order\",\"id\":1,\"x\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
    assertRefused(callback("store/order/created", deep, "1561479335"), 400, "malformed", "JSON");
  }

  @Test
  void a_field_named_twice_is_400() throws Exception {
    String body =
        orderCallback("store/order/created", 250, "h")
            .replace("\"hash\":\"h\"", "\"hash\":\"h\",\"scope\":\"store/customer/created\"");
    assertRefused(post(base, body, secretHeader()), 400, "malformed", "twice");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"99999999999999999999999", "-1", "0", "1230767999", "9223372036854775807"})
  void created_at_outside_a_plausible_range_is_422(String createdAt) throws Exception {
    assertRefused(
        callback("store/order/created", "{\"type\":\"order\",\"id\":1}", createdAt),
        422,
        "invalid",
        "created_at");
  }

  @Test
  void created_at_may_be_a_day_ahead_of_our_clock_but_not_more() throws Exception {
    long now = clock.millis() / 1000;
    long aDay = Duration.ofDays(1).toSeconds();
    assertAccepted(
        callback(
            "store/order/created", "{\"type\":\"order\",\"id\":1}", String.valueOf(now + aDay)),
        "teststore1|order|1");
    assertRefused(
        callback(
            "store/order/created", "{\"type\":\"order\",\"id\":2}", String.valueOf(now + aDay + 5)),
        422,
        "invalid",
        "created_at");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-3",
        "2.5",
        "1e3",
        "2147483648",
        "99999999999999999999999",
        "\"abc\"",
        "\"1/../../v3/customers\"",
        "\"0250\"",
        "\"+5\"",
        "\" 5\"",
        "\"\"",
        "true",
        "{\"id\":5}",
        "[5]"
      })
  void an_order_id_that_is_not_a_positive_int32_is_422(String id) throws Exception {
    assertRefused(
        callback("store/order/created", "{\"type\":\"order\",\"id\":" + id + "}", "1561479335"),
        422,
        "invalid",
        "data.id");
    assertRefused(
        callback("store/order/transaction/created", "{\"order_id\":" + id + "}", "1561479335"),
        422,
        "invalid",
        "data.order_id");
  }

  @Test
  void ids_up_to_int32_max_as_numbers_or_digit_strings_are_accepted() throws Exception {
    assertAccepted(
        callback("store/order/created", "{\"type\":\"order\",\"id\":2147483647}", "1561479335"),
        "teststore1|order|2147483647");
    assertAccepted(
        callback(
            "store/order/transaction/created",
            "{\"type\":\"transaction\",\"order_id\":\"251\"}",
            "1561479335"),
        "teststore1|order|251");
  }

  @Test
  void a_subscribed_scope_whose_data_does_not_name_its_entity_is_422() throws Exception {
    assertRefused(callback("store/order/created", "{}", "1561479335"), 422, "invalid", "order");
    assertRefused(
        callback("store/order/created", "[{\"type\":\"order\",\"id\":1}]", "1561479335"),
        422,
        "invalid",
        "order");
    assertRefused(
        callback("store/customer/updated", "{\"type\":\"customer\"}", "1561479335"),
        422,
        "invalid",
        "customer");
    assertRefused(
        callback(
            "store/customer/address/created", "{\"type\":\"customer\",\"id\":60}", "1561479335"),
        422,
        "invalid",
        "address.customer_id");
    assertRefused(
        callback("store/product/updated", "{\"type\":\"order\",\"id\":1}", "1561479335"),
        422,
        "invalid",
        "product");
    assertRefused(
        callback("store/channel/1/order/created", "{\"type\":\"order\"}", "1561479335"),
        422,
        "invalid",
        "order");
    assertRefused(
        callback("store/hook/deliveryException", "{\"type\":\"webhook\"}", "1561479335"),
        422,
        "invalid",
        "webhook");
  }

  @Test
  void an_undocumented_scope_of_a_subscribed_resource_keeps_the_lenient_mapping() throws Exception {
    // BigCommerce may add events under store/product/*: refusing them would get the hook disabled.
    assertAccepted(
        callback(
            "store/product/metafield/updated",
            "{\"metafield_id\":4,\"resource_id\":\"77\"}",
            "1561479335"),
        "teststore1|scope|store/product/metafield/updated");
    assertAccepted(
        callback(
            "store/product/metafield/updated",
            "{\"metafield_id\":4,\"resource_id\":\"77\",\"resource_type\":\"product\"}",
            "1561479335"),
        "teststore1|product|77");
    // Its ids still have to be ids.
    assertRefused(
        callback(
            "store/product/metafield/updated",
            "{\"resource_id\":\"7/7\",\"resource_type\":\"product\"}",
            "1561479335"),
        422,
        "invalid",
        "data.resource_id");
  }

  @Test
  void a_cart_id_must_be_a_uuid() throws Exception {
    assertRefused(
        callback("store/cart/created", "{\"type\":\"cart\",\"id\":\"../x\"}", "1561479335"),
        422,
        "invalid",
        "UUID");
  }

  @Test
  void a_lone_surrogate_escape_is_400_and_a_surrogate_pair_is_fine() throws Exception {
    assertRefused(
        post(base, orderCallback("store/order/created", 1, "\\ud800"), secretHeader()),
        400,
        "malformed",
        "surrogate");
    assertRefused(
        callback(
            "store/order/created",
            "{\"type\":\"order\",\"id\":1,\"note\":\"a\\udc00\"}",
            "1561479335"),
        400,
        "malformed",
        "surrogate");
    assertRefused(
        callback(
            "store/order/created", "{\"type\":\"order\",\"id\":1,\"\\ud83d\":1}", "1561479335"),
        400,
        "malformed",
        "surrogate");
    assertAccepted(
        callback(
            "store/order/created",
            "{\"type\":\"order\",\"id\":3,\"note\":\"\\ud83d\\ude00\"}",
            "1561479335"),
        "teststore1|order|3");
  }

  @Test
  void bytes_that_are_not_utf8_are_400_whatever_they_would_decode_to() throws Exception {
    String body = orderCallback("store/order/created", 1, "HASH");
    int at = body.indexOf("HASH");
    byte[][] invalid = {
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a surrogate encoded directly (CESU-8)
      {(byte) 0xc0, (byte) 0xaf}, // an overlong '/'
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
      {(byte) 0xe2, (byte) 0x82} // truncated
    };
    for (byte[] bytes : invalid) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.writeBytes(body.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.writeBytes(bytes);
      out.writeBytes(body.substring(at + 4).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertRefused(post(base, out.toByteArray(), secretHeader()), 400, "malformed", "UTF-8");
    }
  }

  @Test
  void a_hash_store_id_or_webhook_id_that_cannot_be_bigcommerce_s_is_refused() throws Exception {
    assertRefused(
        post(base, orderCallback("store/order/created", 1, "a b"), secretHeader()),
        400,
        "malformed",
        "hash");
    assertRefused(
        post(base, orderCallback("store/order/created", 1, "é"), secretHeader()),
        400,
        "malformed",
        "hash");
    assertRefused(
        post(base, orderCallback("store/order/created", 1, "h".repeat(129)), secretHeader()),
        400,
        "malformed",
        "hash");
    String badStore = orderCallback("store/order/created", 1, "h").replace("1025646", "12ab");
    assertRefused(post(base, badStore, secretHeader()), 422, "invalid", "store_id");
    String body = orderCallback("store/order/created", 1, "h");
    assertRefused(
        post(base, body, signedHeaders("m".repeat(201), clock.millis() / 1000, body)),
        400,
        "malformed",
        "webhook-id");
  }

  @Test
  void a_signed_timestamp_that_would_wrap_round_to_now_is_401() throws Exception {
    // seconds * 1000 overflows a long to within a few milliseconds of our clock.
    BigInteger twoTo61 = BigInteger.ONE.shiftLeft(61);
    long target = clock.millis() / 8;
    long seconds =
        BigInteger.valueOf(target)
            .multiply(BigInteger.valueOf(125).modInverse(twoTo61))
            .mod(twoTo61)
            .longValueExact();
    assertThat(Math.abs(seconds * 1000 - clock.millis())).isLessThan(10);
    String body = orderCallback("store/order/created", 1, "h");
    HttpResponse<String> response = post(base, body, signedHeaders("msg_wrap", seconds, body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(Tables.count(db, "webhook_event")).isZero();
  }

  private HttpResponse<String> callback(String scope, String data, String createdAt)
      throws Exception {
    String body =
        "{\"scope\":\""
            + scope
            + "\",\"store_id\":\"1025646\",\"data\":"
            + data
            + ",\"hash\":\"0123abcd\",\"created_at\":"
            + createdAt
            + ",\"producer\":\"stores/"
            + WebhookCalls.STORE
            + "\"}";
    return post(base, body, secretHeader());
  }

  private void assertAccepted(HttpResponse<String> response, String entityKey) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode json = mapper.readTree(response.body());
    assertThat(json.get("status").asText()).isEqualTo("accepted");
    assertThat(inspector.events(Optional.empty(), Optional.empty(), Optional.empty(), 1))
        .singleElement()
        .satisfies(event -> assertThat(event.entity().key()).isEqualTo(entityKey));
    Tables.clear(db);
  }

  private void assertRefused(
      HttpResponse<String> response, int status, String error, String... messageParts)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode json = mapper.readTree(response.body());
    assertThat(json.get("error").asText()).isEqualTo(error);
    assertThat(json.get("message").asText()).contains(messageParts);
    assertThat(Tables.count(db, "webhook_event")).isZero();
    assertThat(Tables.count(db, "work_item")).isZero();
  }
}
