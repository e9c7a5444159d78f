package io.bcsync.backfill;

import static io.bcsync.testsupport.WebhookCalls.ADMIN_TOKEN;
import static io.bcsync.testsupport.WebhookCalls.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Asking for a backfill: the admin API's refusals, conflicts, listing and cancelling, and the
 * {@code scripts/backfill} command run against a test server.
 */
@MicronautTest(transactional = false)
class BackfillAdminApiAndScriptTest extends BackfillTestBase {
  @Test
  void bad_requests_are_refused_with_a_reason_and_a_second_backfill_of_a_store_is_a_conflict()
      throws Exception {
    String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).toString();
    assertThat(error(post("/admin/backfill", "{\"store\":\"" + SMALL + "\"}", 400)))
        .contains("since is required");
    assertThat(error(post("/admin/backfill", "{\"since\":\"2024-01-01\"}", 400)))
        .contains("store is required");
    assertThat(
            error(
                post(
                    "/admin/backfill",
                    "{\"store\":\"" + SMALL + "\",\"since\":\"01/02/2024\"}",
                    400)))
        .contains("ISO date");
    assertThat(
            error(
                post(
                    "/admin/backfill",
                    "{\"store\":\"" + SMALL + "\",\"since\":\"" + tomorrow + "\"}",
                    400)))
        .contains("future");
    assertThat(
            error(
                post(
                    "/admin/backfill", "{\"store\":\"Bad Store!\",\"since\":\"2024-01-01\"}", 400)))
        .contains("store hash");
    assertThat(
            error(
                post(
                    "/admin/backfill",
                    "{\"store\":\"nosuchstore\",\"since\":\"2024-01-01\"}",
                    404)))
        .contains("not connected");
    assertThat(
            postJson(
                    base(),
                    "/admin/backfill",
                    "{\"store\":\"" + SMALL + "\",\"since\":\"2024-01-01\"}",
                    null)
                .statusCode())
        .isEqualTo(401);
    assertThat(get("/admin/backfill/999999", 404).body()).contains("no backfill 999999");

    long id =
        json(post(
                "/admin/backfill",
                "{\"store\":\"" + SMALL + "\",\"since\":\"" + today + "\"}",
                201))
            .get("id")
            .asLong();
    JsonNode conflict =
        json(
            post("/admin/backfill", "{\"store\":\"" + SMALL + "\",\"since\":\"2024-01-01\"}", 409));
    assertThat(conflict.get("runningId").asLong()).isEqualTo(id);

    JsonNode listed = json(get("/admin/backfill?store=" + SMALL, 200)).get("backfills");
    assertThat(listed).extracting(b -> b.get("id").asLong()).contains(id);

    // Cancelled: the store is free again; cancelling twice is a conflict.
    assertThat(json(post("/admin/backfill/" + id + "/cancel", "", 200)).get("state").asText())
        .isEqualTo("CANCELLED");
    assertThat(error(post("/admin/backfill/" + id + "/cancel", "", 409)))
        .contains("no longer running");
    assertThat(post("/admin/backfill/999999/cancel", "", 404).statusCode()).isEqualTo(404);
    long next =
        json(post("/admin/backfill", "{\"store\":\"" + SMALL + "\",\"since\":\"2024-01-01\"}", 201))
            .get("id")
            .asLong();
    post("/admin/backfill/" + next + "/cancel", "", 200);
  }

  @Test
  void the_script_starts_a_backfill_shows_progress_until_done_and_attaches_to_a_running_one()
      throws Exception {
    SimulatedStore store = stores.get(SCRIPTED);
    simClock.set(RECENT);
    for (int i = 0; i < 10; i++) {
      store.createCustomer("script" + i + "@example.com", "Scrip", "Ted" + i);
    }
    store.burstOrders(5);
    Path workDir = Files.createTempDirectory("bcsync-script");
    String url = base().toString();

    ScriptRun watching =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-01-01",
            "--url",
            url,
            "--interval",
            "0.2");
    Backfills backfills = server.getApplicationContext().getBean(Backfills.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> !backfills.latest(SCRIPTED).isEmpty());
    long id = backfills.latest(SCRIPTED).get(0).id();
    while (runner.step(id) == BackfillRunner.Step.ADVANCED) {
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(watching.exitStatus()).as(watching.output()).isZero();
    assertThat(watching.output())
        .contains(
            "Started backfill " + id,
            "customers 10/10",
            "orders 5",
            "Backfill " + id + " done.",
            "Ctrl-C detaches");

    ScriptRun started =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-02-01",
            "--url",
            url,
            "--once");
    assertThat(started.exitStatus()).as(started.output()).isZero();
    long second = backfills.latest(SCRIPTED).get(0).id();
    assertThat(started.output()).contains("Started backfill " + second, "RUNNING");
    ScriptRun attached =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-01-01",
            "--url",
            url,
            "--once");
    assertThat(attached.exitStatus()).as(attached.output()).isZero();
    assertThat(attached.output()).contains("Attaching to backfill " + second, "(since 2024-02-01)");
    post("/admin/backfill/" + second + "/cancel", "", 200);

    ScriptRun refused =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-13-01",
            "--url",
            url);
    assertThat(refused.exitStatus()).isEqualTo(2);
    assertThat(refused.output()).contains("refused (HTTP 400)", "ISO date");
    ScriptRun wrongToken =
        ScriptRun.start(
            workDir,
            "not-the-token",
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-01-01",
            "--url",
            url);
    assertThat(wrongToken.exitStatus()).isEqualTo(2);
    assertThat(wrongToken.output()).contains("HTTP 401").doesNotContain("not-the-token");
  }
}
