package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The record timeline says how long finished work is kept, so an operator who finds nothing for an
 * old order knows why (docs/pipeline.md, "Retention").
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineRetentionNoteTest implements TestPropertyProvider {
  @Inject ConsoleSessions sessions;
  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.pipeline.webhook-max-age", "72h");
    properties.put("bcsync.pipeline.history-retention", "45d");
    return properties;
  }

  @Test
  void a_search_says_how_long_finished_work_is_kept() throws Exception {
    HttpResponse<String> page = get("/timeline?q=424242");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"nothing-found\"")
        .contains("kept for 45 days after")
        .contains("bcsync.pipeline.history-retention");
    assertThat(get("/timeline").body()).as("no search, no note").doesNotContain("retention-note");
  }

  @Test
  void a_period_is_written_in_its_largest_whole_unit() {
    assertThat(ConsoleFormat.period(Duration.ofDays(30))).isEqualTo("30 days");
    assertThat(ConsoleFormat.period(Duration.ofDays(1))).isEqualTo("1 day");
    assertThat(ConsoleFormat.period(Duration.ofHours(36))).isEqualTo("36 hours");
    assertThat(ConsoleFormat.period(Duration.ofMinutes(90))).isEqualTo("90 minutes");
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return ConsolePageRequests.get(server, sessions, pathAndQuery);
  }
}
