package io.bcsync.admin;

import static io.bcsync.testsupport.WebhookCalls.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Other spellings of admin and metrics paths (repeated slashes, case, percent-encoding, dot
 * segments, path parameters) never serve them without the token: the router matches none of them
 * (404), or the filter refuses them (401). Paths are sent exactly as written: {@link URI#resolve}
 * would read {@code //admin} as a host.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPathVariantsTest implements TestPropertyProvider {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/admin/counts",
        "/admin/counts/",
        "//admin/counts",
        "///admin/counts",
        "/admin//counts",
        "/ADMIN/counts",
        "/Admin/Counts",
        "/%61dmin/counts",
        "/%41DMIN/counts",
        "/admin%2Fcounts",
        "/admin%2fcounts",
        "/%2Fadmin/counts",
        "/admin/%63ounts",
        "/%2561dmin/counts",
        "/admin/./counts",
        "/admin;x=1/counts",
        "/admin/salesforce/changes",
        "//admin/salesforce//changes",
        "/admin/backfill",
        "/%61dmin/backfill",
        "/bc/../admin/counts",
        "/x/..%2Fadmin/counts",
        "/admin/../admin/counts"
      })
  void an_admin_path_in_any_spelling_is_refused_without_the_token(String path) throws Exception {
    HttpResponse<String> response = get(path, null);
    assertThat(response.statusCode()).as(path).isIn(401, 404);
    assertThat(response.body()).as(path).doesNotContain("workItems");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/prometheus",
        "/prometheus/",
        "//prometheus",
        "/PROMETHEUS",
        "/%70rometheus",
        "/prometheus%2F",
        "/prometheus;x=1"
      })
  void the_metrics_in_any_spelling_are_refused_without_the_token(String path) throws Exception {
    HttpResponse<String> response = get(path, null);
    assertThat(response.statusCode()).as(path).isIn(401, 404);
    assertThat(response.body()).as(path).doesNotContain("bcsync_");
  }

  @Test
  void a_post_to_an_admin_path_in_another_spelling_is_refused() throws Exception {
    for (String path :
        new String[] {"//admin/dead-letters/replay", "/%61dmin/dead-letters/replay"}) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(raw(path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"all\":true}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isIn(401, 404);
    }
  }

  @Test
  void with_the_token_the_admin_api_answers() throws Exception {
    assertThat(get("/admin/counts", ADMIN_TOKEN).statusCode()).isEqualTo(200);
    assertThat(get("/prometheus", ADMIN_TOKEN).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(raw(path)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI raw(String path) {
    return URI.create("http://" + server.getHost() + ":" + server.getPort() + path);
  }
}
