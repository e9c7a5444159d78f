package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * B2B Edition company users (docs/b2b-edition/specs/api-v3/user/user.yaml) and catalog category
 * trees (reference/catalog/category-trees_catalog.v3.yml): the simulator's answers validated
 * against the published specs, and the behaviour the middleware relies on (membership by customer
 * id, filters, paging).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class B2bUsersAndCategoriesContractTest {
  private static final String USERS_SPEC =
      "bigcommerce-docs/docs/b2b-edition/specs/api-v3/user/user.yaml";
  private static final String TREES_SPEC =
      "bigcommerce-docs/reference/catalog/category-trees_catalog.v3.yml";
  private Path specs;
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http b2b;
  private Http rest;

  @BeforeAll
  void start() {
    sim = BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults());
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named("b2busr1"));
    b2b = Http.forB2b(sim, store);
    rest = Http.forStore(sim, store);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  @Test
  void user_endpoints_match_the_b2b_users_spec() {
    specs = SpecsLocation.bigcommerceSpecs();
    List<String> failures = new ArrayList<>();
    long companyId = company("Spec Co");
    long existing = store.createCustomer("buyer@spec.example", "Bea", "Buyer");
    JsonNode created =
        check(
            failures,
            b2b,
            USERS_SPEC,
            "POST",
            "/users",
            Map.of(
                "firstName",
                "Bea",
                "lastName",
                "Buyer",
                "email",
                "buyer@spec.example",
                "companyId",
                companyId,
                "role",
                1,
                "channelIds",
                List.of(1)),
            200);
    long userId = created.path("data").path("userId").asLong();
    check(
        failures,
        b2b,
        USERS_SPEC,
        "POST",
        "/users",
        Map.of(
            "firstName",
            "Al",
            "lastName",
            "Admin",
            "email",
            "admin@spec.example",
            "companyId",
            companyId,
            "role",
            0,
            "channelIds",
            List.of(1)),
        200);
    check(
        failures,
        b2b,
        USERS_SPEC,
        "GET",
        "/users?limit=1&offset=0&companyId=" + companyId,
        null,
        200);
    check(failures, b2b, USERS_SPEC, "GET", "/users/" + userId, null, 200);
    check(failures, b2b, USERS_SPEC, "GET", "/users/customer/" + existing, null, 200);
    check(failures, b2b, USERS_SPEC, "GET", "/users/customer/999999", null, 404);
    check(failures, b2b, USERS_SPEC, "DELETE", "/users/" + userId, null, 200);

    assertThat(failures).isEmpty();
    // An existing customer with the e-mail becomes the user; it is not duplicated.
    assertThat(created.path("data").path("bcId").asLong()).isEqualTo(existing);
  }

  @Test
  void users_are_listed_with_their_company_and_customer_across_offset_pages_and_filters() {
    long acme = company("Acme Tools");
    long other = company("Other Co");
    for (int i = 0; i < 3; i++) {
      user(acme, "acme" + i + "@acme.example", 2);
    }
    long otherCustomer = user(other, "boss@other.example", 0).path("data").path("bcId").asLong();

    JsonNode page1 = b2b.get("/users?companyId=" + acme + "&limit=2&offset=0").json();
    JsonNode page2 = b2b.get("/users?companyId=" + acme + "&limit=2&offset=2").json();
    JsonNode byEmail = b2b.get("/users?email=boss@other.example").json();

    assertThat(page1.path("meta").path("pagination").path("totalCount").asInt()).isEqualTo(3);
    assertThat(page1.path("data")).hasSize(2);
    assertThat(page2.path("data")).hasSize(1);
    assertThat(byEmail.path("data")).hasSize(1);
    assertThat(byEmail.path("data").get(0).path("companyId").asLong()).isEqualTo(other);
    assertThat(byEmail.path("data").get(0).path("customerId").asLong()).isEqualTo(otherCustomer);
    // The new user's customer is a real BigCommerce customer, in the company's customer group.
    JsonNode customer = rest.get("/v3/customers?id:in=" + otherCustomer).json().path("data").get(0);
    assertThat(customer.path("email").asText()).isEqualTo("boss@other.example");
    assertThat(customer.path("customer_group_id").asLong()).isPositive();
  }

  @Test
  void users_are_validated_and_the_last_user_of_a_company_cannot_be_deleted() {
    long companyId = company("Solo Co");
    long only = user(companyId, "solo@solo.example", 0).path("data").path("userId").asLong();

    assertThat(
            b2b.post(
                    "/users",
                    Map.of(
                        "firstName",
                        "X",
                        "lastName",
                        "Y",
                        "email",
                        "x@solo.example",
                        "companyId",
                        companyId,
                        "role",
                        7,
                        "channelIds",
                        List.of(1)))
                .status())
        .isEqualTo(422);
    assertThat(
            b2b.post(
                    "/users",
                    Map.of(
                        "firstName",
                        "X",
                        "lastName",
                        "Y",
                        "email",
                        "x@solo.example",
                        "companyId",
                        987654,
                        "role",
                        1,
                        "channelIds",
                        List.of(1)))
                .status())
        .isEqualTo(422);
    assertThat(
            b2b.post(
                    "/users",
                    Map.of(
                        "firstName",
                        "X",
                        "lastName",
                        "Y",
                        "email",
                        "SOLO@solo.example",
                        "companyId",
                        companyId,
                        "role",
                        1,
                        "channelIds",
                        List.of(1)))
                .status())
        .isEqualTo(422);
    assertThat(b2b.delete("/users/" + only).status()).isEqualTo(422);
  }

  @Test
  void categories_match_the_category_trees_spec_and_filter_by_id() {
    specs = SpecsLocation.bigcommerceSpecs();
    List<String> failures = new ArrayList<>();
    JsonNode created =
        check(
            failures,
            rest,
            TREES_SPEC,
            "POST",
            "/v3/catalog/trees/categories",
            List.of(
                Map.of("name", "Hand Tools", "tree_id", 1),
                Map.of("name", "Fasteners", "tree_id", 1)),
            201);
    long tools = created.path("data").get(0).path("category_id").asLong();
    long fasteners = created.path("data").get(1).path("category_id").asLong();
    check(
        failures,
        rest,
        TREES_SPEC,
        "POST",
        "/v3/catalog/trees/categories",
        List.of(Map.of("name", "Hammers", "parent_id", tools)),
        201);
    JsonNode listed =
        check(
            failures,
            rest,
            TREES_SPEC,
            "GET",
            "/v3/catalog/trees/categories?category_id:in=" + tools + "," + fasteners + "&limit=250",
            null,
            200);

    assertThat(failures).isEmpty();
    assertThat(listed.path("data"))
        .extracting(n -> n.path("name").asText())
        .containsExactlyInAnyOrder("Hand Tools", "Fasteners");
    assertThat(
            rest.post("/v3/catalog/trees/categories", List.of(Map.of("name", "No tree"))).status())
        .isEqualTo(422);
    // Products name their categories by id.
    long product =
        store.createProduct(
            Http.JSON
                .createObjectNode()
                .put("name", "Claw hammer")
                .put("type", "physical")
                .put("sku", "HAM-1")
                .put("price", new BigDecimal("20"))
                .put("weight", 1)
                .set("categories", Http.JSON.valueToTree(List.of(tools))));
    JsonNode read =
        rest.get("/v3/catalog/products?id:in=" + product + "&include_fields=categories").json();
    assertThat(read.path("data").get(0).path("categories").get(0).asLong()).isEqualTo(tools);
  }

  private long company(String name) {
    return b2b.post(
            "/companies",
            Map.of(
                "companyName",
                name,
                "companyEmail",
                name.replace(' ', '-') + "@example.com",
                "adminFirstName",
                "A",
                "adminLastName",
                "B",
                "adminEmail",
                "admin-" + name.replace(' ', '-') + "@example.com"))
        .json()
        .path("data")
        .path("companyId")
        .asLong();
  }

  private JsonNode user(long companyId, String email, int role) {
    Http.Response r =
        b2b.post(
            "/users",
            Map.of(
                "firstName",
                "F",
                "lastName",
                "L",
                "email",
                email,
                "companyId",
                companyId,
                "role",
                role,
                "channelIds",
                List.of(1)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /**
   * user.yaml overrides the envelope's {@code code} and {@code meta.message} inside allOf with
   * schemas that carry only a {@code default} and no type ({@code code: {default: 200}}); the
   * swagger parser types those as objects, so every correct integer code and string message fails
   * that branch. Only that defect is ignored: any other message of the allOf keeps the failure.
   */
  private static boolean untypedEnvelopeOverride(ValidationReport.Message m) {
    return m.getKey().endsWith(".allOf")
        && !m.getNestedMessages().isEmpty()
        && m.getNestedMessages().stream()
            .allMatch(
                n ->
                    n.getMessage().contains("allowed: [\"object\"]")
                        && (n.getMessage().startsWith("[Path '/code']")
                            || n.getMessage().startsWith("[Path '/meta/message']")));
  }

  private JsonNode check(
      List<String> failures,
      Http http,
      String spec,
      String method,
      String path,
      Object body,
      int expectedStatus) {
    Http.Response r = http.send(method, path, body);
    if (r.status() != expectedStatus) {
      failures.add(
          method
              + " "
              + path
              + ": status "
              + r.status()
              + " expected "
              + expectedStatus
              + " "
              + r.body());
      return Http.JSON.createObjectNode();
    }
    String specPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (specPath.startsWith("/v3/")) {
      specPath = specPath.substring(3);
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(r.status());
    if (r.body() != null && !r.body().isEmpty()) {
      response.withContentType("application/json").withBody(r.body());
    }
    String at = specPath;
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(
                specs.resolve(spec).toUri().toString())
            .withBasePathOverride("/")
            .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
            .build();
    validator
        .validateResponse(specPath, Request.Method.valueOf(method), response.build())
        .getMessages()
        .stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .filter(
            m -> !(r.status() >= 400 && m.getKey().equals("validation.response.body.unexpected")))
        .filter(m -> !untypedEnvelopeOverride(m))
        .forEach(
            m ->
                failures.add(
                    method + " " + at + ": " + m.getMessage() + " " + m.getNestedMessages()));
    return r.body() == null || r.body().isEmpty() ? Http.JSON.createObjectNode() : r.json();
  }
}
