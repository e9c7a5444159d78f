package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.db.Db;
import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database ceiling of {@code scripts/bench-ingest}: it commits whole groups of intake's rows
 * (one dedupe key, work item and event per event), its work items are never due (the workers
 * measure nothing of it), and bad parameters are a 400. Runs on H2; {@code
 * DatabaseCeilingMariaDbTest} runs it on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseCeilingTest extends DatabaseTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("bcsync.bench-endpoint.enabled", "true");
    return properties;
  }

  @Test
  void commits_whole_groups_of_intakes_rows_that_no_worker_would_claim() {
    long itemsBefore = count("SELECT COUNT(*) FROM work_item");

    Map<?, ?> answer =
        http.toBlocking()
            .retrieve(HttpRequest.POST("/bench/db-ceiling?group-size=7&seconds=1", ""), Map.class);

    long events = ((Number) answer.get("events")).longValue();
    assertThat(events).isPositive();
    assertThat(events % 7).as("whole groups only").isZero();
    assertThat(Double.parseDouble((String) answer.get("events_per_second"))).isPositive();
    assertThat(count("SELECT COUNT(*) FROM work_item") - itemsBefore).isEqualTo(events);
    assertThat(count("SELECT COUNT(*) FROM webhook_event WHERE raw_body LIKE '%store/order%'"))
        .isGreaterThanOrEqualTo(events);
    assertThat(
            count(
                "SELECT COUNT(*) FROM work_item WHERE entity_id LIKE 'ceiling%'"
                    + " AND next_attempt_at_ms < "
                    + (System.currentTimeMillis() + 86_400_000L)))
        .as("no ceiling row is due within a day")
        .isZero();
  }

  @Test
  void refuses_a_group_size_or_duration_out_of_range() {
    for (String query : new String[] {"group-size=0&seconds=1", "group-size=5&seconds=600"}) {
      assertThatThrownBy(
              () ->
                  http.toBlocking()
                      .exchange(HttpRequest.POST("/bench/db-ceiling?" + query, ""), Map.class))
          .isInstanceOfSatisfying(
              HttpClientResponseException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode()));
    }
  }

  private long count(String sql) {
    return db.read(
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
