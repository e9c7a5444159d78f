package io.bcsync.backfill;

import static io.bcsync.testsupport.WebhookCalls.ADMIN_TOKEN;
import static io.bcsync.testsupport.WebhookCalls.httpGet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.ListCandidateSource;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dry-run match report over the BigCommerce simulator's customers and guest orders, against
 * Salesforce records served by an in-process {@link ListCandidateSource}: counts per outcome,
 * entries without contact data, one candidate lookup per page, and nothing written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchReportTest implements TestPropertyProvider {
  static final String STORE = "mrstore1";
  static final Instant OLD = Instant.parse("2023-06-01T10:00:00Z");
  static final Instant RECENT = Instant.parse("2024-03-01T10:00:00Z");
  static final int FILLERS = 255;

  @Inject EmbeddedServer server;
  @Inject ListCandidateSource salesforce;
  @Inject QueueInspector inspector;
  @Inject ObjectMapper mapper;

  io.bcsync.sim.bigcommerce.time.MutableClock simClock =
      io.bcsync.sim.bigcommerce.time.MutableClock.startingAt(OLD);
  BigCommerceSimulator sim;
  SimulatedStore store;

  @Override
  public Map<String, String> getProperties() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(simClock)
                .rateLimit(100_000, Duration.ofSeconds(30)));
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named(STORE).accessToken("token-mr"));
    Map<String, String> properties = new HashMap<>(TestDatabases.h2());
    properties.put("spec.name", "MatchReportTest");
    properties.put("bcsync.bigcommerce.stores." + STORE + ".access-token", "token-mr");
    properties.put(
        "bcsync.bigcommerce.stores." + STORE + ".webhook-secret", "secret-mr-0123456789abcdef");
    properties.put("bcsync.staging.allowed-stores", STORE);
    properties.put("bcsync.bigcommerce.api-url", sim.baseUrl());
    properties.put("bcsync.admin-token", ADMIN_TOKEN);
    properties.put("micronaut.server.port", "-1");
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    return properties;
  }

  @BeforeAll
  void seed() {
    simClock.set(OLD);
    store.createCustomer("before@example.com", "Before", "Range");
    simClock.set(RECENT);
    store.createCustomer("known@example.com", "Known", "Contact");
    store.createCustomer("lead@example.com", "Known", "Lead");
    store.createCustomer("twice@example.com", "Two", "Contacts");
    for (int i = 0; i < FILLERS; i++) {
      store.createCustomer("filler" + i + "@example.com", "New", "Customer" + i);
    }
    long product = store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    store.placeGuestOrder("FILLER0@example.com", product);
    store.placeGuestOrder("known@example.com", product);
    salesforce.with(
        Candidate.contact("003KNOWN", null, "known@example.com", null),
        Candidate.lead("00QLEAD", null, "lead@example.com", null),
        Candidate.contact("003TWICE1", null, "twice@example.com", null),
        Candidate.contact("003TWICE2", null, "Twice@Example.com", null));
  }

  @AfterAll
  void stopSimulator() {
    sim.close();
  }

  @Test
  void customers_and_guests_since_a_date_are_reported_per_outcome_without_writing_anything()
      throws Exception {
    Map<?, Long> queueBefore = inspector.countsByStatus();
    int batchesBefore = salesforce.batchSizes().size();

    HttpResponse<String> response =
        get("/admin/match-report?store=" + STORE + "&since=2024-01-01&guests=true");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = mapper.readTree(response.body());
    assertThat(report.get("customers").asInt()).isEqualTo(3 + FILLERS + 2);
    assertThat(report.get("truncated").asBoolean()).isFalse();
    JsonNode counts = report.get("counts");
    assertThat(counts.get("CREATE").asInt()).isEqualTo(FILLERS);
    // known@ as a customer and as a guest; the guest FILLER0@ is the customer the run plans to
    // create.
    assertThat(counts.get("UPDATE").asInt()).isEqualTo(3);
    assertThat(counts.get("UPDATE_LEAD").asInt()).isEqualTo(1);
    assertThat(counts.get("REVIEW").asInt()).isEqualTo(1);
    assertThat(counts.get("CONVERT_LEAD").asInt()).isZero();

    JsonNode review = entry(report, "REVIEW");
    assertThat(review.get("rule").asText()).isEqualTo("EMAIL");
    assertThat(review.get("candidates"))
        .extracting(c -> c.get("id").asText())
        .containsExactlyInAnyOrder("003TWICE1", "003TWICE2");
    assertThat(entry(report, "UPDATE_LEAD").get("target").asText()).isEqualTo("00QLEAD");
    assertThat(report.get("entries"))
        .filteredOn(e -> e.get("customer").asText().contains("guest order"))
        .extracting(e -> e.get("target").asText())
        .containsExactlyInAnyOrder("planned-1", "003KNOWN");
    assertThat(response.body())
        .as("no contact data in the report")
        .doesNotContainIgnoringCase("@example.com")
        .doesNotContain("Customer0")
        .doesNotContain("Known");

    assertThat(salesforce.batchSizes().subList(batchesBefore, salesforce.batchSizes().size()))
        .as("one candidate lookup per page: 250 + 8 customers, then the page of guests")
        .containsExactly(250, 8, 2);
    assertThat(inspector.countsByStatus()).as("the work queue is untouched").isEqualTo(queueBefore);
    assertThat(store.requests())
        .as("nothing written to BigCommerce")
        .allSatisfy(entry -> assertThat(entry.method()).isEqualTo("GET"));
  }

  @Test
  void without_since_every_customer_is_reported_and_bad_requests_are_refused() throws Exception {
    JsonNode all = mapper.readTree(get("/admin/match-report?store=" + STORE).body());
    assertThat(all.get("customers").asInt())
        .as("the customer before 2024 too, no guests")
        .isEqualTo(4 + FILLERS);

    JsonNode before =
        mapper.readTree(get("/admin/match-report?store=" + STORE + "&until=2023-12-31").body());
    assertThat(before.get("customers").asInt()).isEqualTo(1);
    assertThat(before.get("counts").get("CREATE").asInt()).isEqualTo(1);

    assertThat(get("/admin/match-report?store=" + STORE + "&since=yesterday").statusCode())
        .isEqualTo(400);
    assertThat(
            get("/admin/match-report?store=" + STORE + "&since=2024-02-01&until=2024-01-01")
                .statusCode())
        .isEqualTo(400);
    assertThat(get("/admin/match-report?store=" + STORE + "&guests=maybe").statusCode())
        .isEqualTo(400);
    assertThat(get("/admin/match-report").statusCode()).isEqualTo(400);
    assertThat(get("/admin/match-report?store=unknown1").statusCode()).isEqualTo(404);
    assertThat(httpGet(server.getURI(), "/admin/match-report?store=" + STORE, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void the_script_prints_the_counts_and_writes_the_full_report_to_a_file() throws Exception {
    java.nio.file.Path workDir = java.nio.file.Files.createTempDirectory("bcsync-match-report");

    ScriptRun run =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "match-report",
            "--store",
            STORE,
            "--since",
            "2024-01-01",
            "--out",
            "report.json",
            "--url",
            server.getURI().toString());

    assertThat(run.exitStatus()).as(run.output()).isZero();
    assertThat(run.output())
        .contains(
            (3 + FILLERS) + " customers",
            "CREATE",
            String.valueOf(FILLERS),
            "Full report: report.json");
    JsonNode written = mapper.readTree(workDir.resolve("report.json").toFile());
    assertThat(written.get("entries")).hasSize(3 + FILLERS);

    ScriptRun unknown =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "match-report",
            "--store",
            "unknown1",
            "--url",
            server.getURI().toString());
    assertThat(unknown.exitStatus()).isEqualTo(2);
    assertThat(unknown.output()).contains("HTTP 404", "not connected");
  }

  private JsonNode entry(JsonNode report, String outcome) {
    List<JsonNode> found = new java.util.ArrayList<>();
    report
        .get("entries")
        .forEach(
            e -> {
              if (e.get("outcome").asText().equals(outcome)) {
                found.add(e);
              }
            });
    assertThat(found).as(outcome).hasSize(1);
    return found.get(0);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return httpGet(server.getURI(), path, ADMIN_TOKEN);
  }

  /** The Salesforce side of this test: records served from a list. */
  @Factory
  @Requires(property = "spec.name", value = "MatchReportTest")
  static class FakeSalesforce {
    @Singleton
    ListCandidateSource listCandidateSource() {
      return new ListCandidateSource();
    }
  }
}
