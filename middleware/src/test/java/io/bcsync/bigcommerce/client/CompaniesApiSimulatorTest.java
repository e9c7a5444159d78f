package io.bcsync.bigcommerce.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The B2B Edition companies client against the simulator's B2B host (separate base URL,
 * X-Store-Hash auth).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompaniesApiSimulatorTest {
  BigCommerceSimulator sim;
  BigCommerceTransport rest;
  BigCommerceTransport b2b;
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper mapper = new ObjectMapper();

  @BeforeAll
  void start() {
    // The fixtures create hundreds of companies through the B2B host: lift its quota.
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().b2bRateLimit(10_000, Duration.ofSeconds(60)));
    rest =
        new BigCommerceTransport(
            URI.create(sim.baseUrl()),
            BigCommerceClientConfig.defaults(),
            new QuotaMetrics(registry),
            Clock.systemUTC(),
            RateBudget.Waiter.BLOCKING);
    b2b =
        BigCommerceTransport.b2b(
            URI.create(sim.b2bBaseUrl()),
            BigCommerceClientConfig.defaults(),
            QuotaMetrics.forB2b(registry),
            Clock.systemUTC(),
            RateBudget.Waiter.BLOCKING);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  SimulatedStore store(String hash) {
    return sim.createStore(BigCommerceSimulator.StoreSpec.named(hash).accessToken("token-" + hash));
  }

  StoreClient client(SimulatedStore store) {
    return new StoreClient(rest, b2b, store.hash(), store.accessToken());
  }

  @Test
  void every_company_is_listed_across_offset_pages() throws Exception {
    SimulatedStore store = store("b2blist1");
    for (int i = 0; i < CompaniesApi.PAGE + 5; i++) {
      createCompany(store, "Company " + i);
    }
    double before = b2bCalls("b2blist1");

    List<Company> companies = client(store).companies().list();

    assertThat(companies).hasSize(CompaniesApi.PAGE + 5);
    assertThat(companies).extracting(Company::id).doesNotHaveDuplicates();
    // Two pages: the second one ends at the reported total, so no empty third page is fetched.
    assertThat(b2bCalls("b2blist1") - before).isEqualTo(2);
  }

  @Test
  void a_company_is_read_with_its_customer_group_status_and_dates() throws Exception {
    SimulatedStore store = store("b2bget1");
    long id = createCompany(store, "Great Buys Inc.");
    setStatus(store, id, 3);
    StoreClient api = client(store);

    Company company = api.companies().get(id).orElseThrow();

    assertThat(company.name()).isEqualTo("Great Buys Inc.");
    assertThat(company.email()).isEqualTo("great-buys-inc.@example.com");
    assertThat(company.status()).isEqualTo(Company.CompanyStatus.INACTIVE);
    assertThat(company.updatedAt()).isNotNull().isAfterOrEqualTo(company.createdAt());
    // The company's customer group is a real BigCommerce group, visible through the store REST API.
    assertThat(api.customers().groups())
        .extracting(Dtos.CustomerGroup::id)
        .contains(company.customerGroupId());
    assertThat(api.companies().get(id + 1000)).isEmpty();
  }

  @Test
  void companies_modified_since_a_time_are_filtered_by_the_host() throws Exception {
    SimulatedStore store = store("b2bmod1");
    createCompany(store, "Old Co");
    List<Company> all = client(store).companies().list();

    List<Company> later = client(store).companies().modifiedSince(Instant.now().plusSeconds(3600));

    assertThat(all).hasSize(1);
    assertThat(later).isEmpty();
  }

  @Test
  void a_wrong_token_is_a_permanent_failure_that_does_not_leak_the_token() {
    SimulatedStore store = store("b2bauth1");
    StoreClient wrong = new StoreClient(rest, b2b, store.hash(), "not-the-b2b-token");

    assertThatThrownBy(() -> wrong.companies().list())
        .isInstanceOf(PermanentBigCommerceException.class)
        .satisfies(e -> assertThat(((BigCommerceApiException) e).status()).isEqualTo(401))
        .hasMessageNotContaining("not-the-b2b-token");
  }

  @Test
  void a_client_without_a_b2b_transport_says_so() {
    SimulatedStore store = store("b2bnone1");
    StoreClient restOnly = new StoreClient(rest, store.hash(), store.accessToken());

    assertThatThrownBy(restOnly::companies).isInstanceOf(IllegalStateException.class);
  }

  private double b2bCalls(String hash) {
    var counter =
        registry
            .find("bcsync.bigcommerce.b2b.requests")
            .tag("store", hash)
            .tag("outcome", "2xx")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /** Companies are created the way a merchant's B2B admin would: through the B2B host's API. */
  private long createCompany(SimulatedStore store, String name)
      throws IOException, InterruptedException {
    String email = name.toLowerCase().replace(' ', '-') + "@example.com";
    Map<String, Object> body =
        Map.of(
            "companyName",
            name,
            "companyEmail",
            email,
            "companyPhone",
            "555-0100",
            "country",
            "US",
            "adminFirstName",
            "Ada",
            "adminLastName",
            "Admin",
            "adminEmail",
            "admin-" + email);
    return send(store, "POST", "/companies", body).path("data").path("companyId").asLong();
  }

  private void setStatus(SimulatedStore store, long id, int status)
      throws IOException, InterruptedException {
    send(store, "PUT", "/companies/" + id + "/status", Map.of("companyStatus", status));
  }

  private com.fasterxml.jackson.databind.JsonNode send(
      SimulatedStore store, String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.b2bBaseUrl() + "/api/v3/io" + path))
            .header("X-Auth-Token", store.accessToken())
            .header("X-Store-Hash", store.hash())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return mapper.readTree(response.body());
  }
}
