package io.bcsync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.IntakeUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A callback intake could not confirm in time, or had no room for, is a 503 the sender retries. */
class IntakeUnavailableHandlerTest {
  private final IntakeUnavailableHandler handler = new IntakeUnavailableHandler();

  @Test
  void a_full_queue_and_a_missed_deadline_are_503_with_retry_after() {
    for (IntakeUnavailableException reason :
        new IntakeUnavailableException[] {
          IntakeUnavailableException.queueFull(10_000),
          IntakeUnavailableException.timedOut(Duration.ofSeconds(2))
        }) {
      HttpResponse<Map<String, String>> response =
          handler.handle(HttpRequest.POST("/webhooks/bigcommerce", "{}"), reason);

      assertThat(response.getStatus().getCode())
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
      assertThat(response.getHeaders().get("Retry-After")).isNotBlank();
      assertThat(response.body()).containsEntry("error", "unavailable");
    }
  }
}
