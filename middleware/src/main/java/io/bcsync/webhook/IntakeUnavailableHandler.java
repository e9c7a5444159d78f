package io.bcsync.webhook;

import io.bcsync.pipeline.IntakeUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake is overloaded or the database is too slow to confirm a callback in time: 503 with {@code
 * Retry-After}, so the sender retries. Nothing was acknowledged.
 */
@Produces
@Singleton
@Requires(classes = {IntakeUnavailableException.class, ExceptionHandler.class})
public class IntakeUnavailableHandler
    implements ExceptionHandler<IntakeUnavailableException, HttpResponse<Map<String, String>>> {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeUnavailableHandler.class);

  @Override
  public HttpResponse<Map<String, String>> handle(
      HttpRequest request, IntakeUnavailableException exception) {
    LOG.debug("Callback not acknowledged ({}): {}", exception.reason(), exception.getMessage());
    return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "30")
        .body(Map.of("error", "unavailable", "message", exception.getMessage()));
  }
}
