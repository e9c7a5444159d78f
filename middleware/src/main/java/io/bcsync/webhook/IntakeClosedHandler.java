package io.bcsync.webhook;

import io.bcsync.pipeline.IntakeClosedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * A callback arriving while this instance shuts down was not stored: 503, so the sender retries
 * elsewhere or later.
 */
@Produces
@Singleton
@Requires(classes = {IntakeClosedException.class, ExceptionHandler.class})
public class IntakeClosedHandler
    implements ExceptionHandler<IntakeClosedException, HttpResponse<Map<String, String>>> {

  @Override
  public HttpResponse<Map<String, String>> handle(
      HttpRequest request, IntakeClosedException exception) {
    return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "30")
        .body(
            Map.of(
                "error",
                "unavailable",
                "message",
                "shutting down; nothing was stored, retry later"));
  }
}
