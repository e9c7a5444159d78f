package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A store's B2B Edition companies and their users, created the way a merchant's B2B admin would:
 * through the simulator's B2B host.
 */
final class B2bEditionAdmin {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final SimulatedStore store;

  B2bEditionAdmin(BigCommerceSimulator bc, SimulatedStore store) {
    this.baseUrl = bc.b2bBaseUrl();
    this.store = store;
  }

  /** A company whose office and admin have acme.test addresses; returns the company id. */
  long createCompany(String name) throws Exception {
    JsonNode body =
        b2b(
            "POST",
            "/companies",
            Map.of(
                "companyName",
                name,
                "companyEmail",
                "office@acme.test",
                "adminFirstName",
                "Ada",
                "adminLastName",
                "Admin",
                "adminEmail",
                "admin@acme.test"));
    return body.path("data").path("companyId").asLong();
  }

  /** A company user whose BigCommerce customer the B2B host creates; returns the customer id. */
  long createUser(long companyId, String email) throws Exception {
    JsonNode body =
        b2b(
            "POST",
            "/users",
            Map.of(
                "firstName",
                "F",
                "lastName",
                email.substring(0, 3),
                "email",
                email,
                "companyId",
                companyId,
                "role",
                1,
                "channelIds",
                List.of(1)));
    return body.path("data").path("bcId").asLong();
  }

  private JsonNode b2b(String method, String path, Object body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v3/io" + path))
                    .header("X-Auth-Token", store.accessToken())
                    .header("X-Store-Hash", store.hash())
                    .header("Content-Type", "application/json")
                    .method(
                        method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
