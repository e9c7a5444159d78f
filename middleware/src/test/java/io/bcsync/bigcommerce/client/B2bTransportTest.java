package io.bcsync.bigcommerce.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the simulator cannot show about the B2B host: its own rate-limit headers, 429s, and errors
 * inside a 2xx envelope. A scripted local server answers; waits move a fake clock instead of
 * sleeping.
 */
class B2bTransportTest {
  record Scripted(int status, Map<String, String> headers, String body) {}

  final Deque<Scripted> script = new ArrayDeque<>();
  final List<Map<String, String>> received = new ArrayList<>();
  final MutableClock clock = new MutableClock(1_000_000);
  final List<Long> waits = new ArrayList<>();
  final RateBudget.Waiter waiter =
      (monitor, millis) -> {
        waits.add(millis);
        clock.advance(Duration.ofMillis(millis));
      };
  HttpServer server;

  BigCommerceTransport start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v3/io/",
        exchange -> {
          received.add(
              Map.of(
                  "path",
                  exchange.getRequestURI().toString(),
                  "store",
                  String.valueOf(exchange.getRequestHeaders().getFirst("X-Store-Hash")),
                  "token",
                  String.valueOf(exchange.getRequestHeaders().getFirst("X-Auth-Token"))));
          Scripted next =
              script.isEmpty()
                  ? new Scripted(200, Map.of(), "{\"code\":200,\"data\":[]}")
                  : script.poll();
          next.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(next.status(), bytes.length == 0 ? -1 : bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return BigCommerceTransport.b2b(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        BigCommerceClientConfig.defaults(),
        QuotaMetrics.forB2b(new SimpleMeterRegistry()),
        clock,
        waiter);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void
      a_429_with_b2b_headers_is_waited_out_for_the_reported_reset_and_the_store_is_named_in_a_header()
          throws Exception {
    BigCommerceTransport transport = start();
    script.add(
        new Scripted(
            429,
            Map.of(
                "X-Requests-Allocated",
                "150 times/60 s",
                "X-Requests-Remaining",
                "0",
                "X-Request-Window-Resets-After",
                "12"),
            "{\"code\":429,\"data\":{},\"meta\":{\"message\":\"slow down\"}}"));
    script.add(
        new Scripted(
            200,
            Map.of(
                "X-Requests-Allocated",
                "150 times/60 s",
                "X-Requests-Remaining",
                "149",
                "X-Request-Window-Resets-After",
                "60"),
            "{\"code\":200,\"data\":{\"companyId\":\"7\",\"companyName\":"
                + "\"Acme\",\"companyStatus\":\"1\",\"bcGroupId\":\"42\",\"updatedAt\":\"1618794615\"},"
                + "\"meta\":{\"message\":\"SUCCESS\"}}"));
    StoreClient api = new StoreClient(null, transport, "abc123", "b2b-token");

    Company company = api.companies().get(7).orElseThrow();

    assertThat(company.id()).isEqualTo(7);
    assertThat(company.status()).isEqualTo(Company.CompanyStatus.APPROVED);
    assertThat(company.customerGroupId()).isEqualTo(42);
    assertThat(company.updatedAt().getEpochSecond()).isEqualTo(1618794615L);
    assertThat(waits).singleElement().satisfies(w -> assertThat(w).isGreaterThanOrEqualTo(12_000));
    assertThat(received)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.get("store")).isEqualTo("abc123");
              assertThat(r.get("token")).isEqualTo("b2b-token");
              assertThat(r.get("path")).isEqualTo("/api/v3/io/companies/7");
            });
    assertThat(transport.budget("abc123").snapshot().quota()).isEqualTo(150);
  }

  @Test
  void an_error_code_inside_a_2xx_envelope_is_classified_by_that_code() throws Exception {
    BigCommerceTransport transport = start();
    script.add(
        new Scripted(
            200, Map.of(), "{\"code\":403,\"data\":{},\"meta\":{\"message\":\"no B2B scope\"}}"));
    script.add(
        new Scripted(200, Map.of(), "{\"code\":500,\"data\":{},\"meta\":{\"message\":\"oops\"}}"));
    StoreClient api = new StoreClient(null, transport, "abc123", "b2b-token");

    assertThatThrownBy(() -> api.companies().list())
        .isInstanceOf(PermanentBigCommerceException.class)
        .hasMessageContaining("403")
        .hasMessageContaining("no B2B scope");
    assertThatThrownBy(() -> api.companies().list())
        .isInstanceOf(RetryableBigCommerceException.class);
  }

  @Test
  void an_http_error_uses_the_b2b_meta_message() throws Exception {
    BigCommerceTransport transport = start();
    script.add(
        new Scripted(
            422, Map.of(), "{\"code\":422,\"data\":{},\"meta\":{\"message\":\"bad filter\"}}"));
    StoreClient api = new StoreClient(null, transport, "abc123", "b2b-token");

    assertThatThrownBy(() -> api.companies().list())
        .isInstanceOf(PermanentBigCommerceException.class)
        .hasMessageContaining("bad filter")
        .hasMessageNotContaining("b2b-token");
  }

  @Test
  void b2b_rate_headers_are_read_in_their_documented_and_plausible_forms() {
    RateLimitHeaders documented =
        B2bRateLimitHeaders.from(
            headers(
                Map.of(
                    "X-Requests-Allocated",
                    "150 times/60 s",
                    "X-Requests-Remaining",
                    "17",
                    "X-Request-Window-Resets-After",
                    "9")));
    RateLimitHeaders millis =
        B2bRateLimitHeaders.from(
            headers(
                Map.of(
                    "X-Requests-Allocated",
                    "100/60000ms",
                    "X-Request-Window-Resets-After",
                    "1500 ms",
                    "Retry-After",
                    "4")));
    RateLimitHeaders garbled =
        B2bRateLimitHeaders.from(
            headers(Map.of("X-Requests-Allocated", "lots", "X-Requests-Remaining", "some")));

    assertThat(documented).isEqualTo(new RateLimitHeaders(150, 17, 9_000, 60_000, -1));
    assertThat(documented.complete()).isTrue();
    assertThat(millis).isEqualTo(new RateLimitHeaders(100, -1, 1_500, 60_000, 4));
    assertThat(garbled).isEqualTo(RateLimitHeaders.NONE);
  }

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    values.forEach((k, v) -> map.put(k, List.of(v)));
    return HttpHeaders.of(map, (k, v) -> true);
  }
}
