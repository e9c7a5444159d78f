package io.bcsync.webhook;

import io.bcsync.db.DataAccessFailure;
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
 * When the database cannot take an event, answer 503 so BigCommerce (or any caller) retries later:
 * nothing was acknowledged, so nothing is lost. The SQL message goes to the log only.
 */
@Produces
@Singleton
@Requires(classes = {DataAccessFailure.class, ExceptionHandler.class})
public class StorageUnavailableHandler
    implements ExceptionHandler<DataAccessFailure, HttpResponse<Map<String, String>>> {
  private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableHandler.class);

  @Override
  public HttpResponse<Map<String, String>> handle(
      HttpRequest request, DataAccessFailure exception) {
    LOG.error(
        "Database unavailable while handling {} {}",
        request.getMethod(),
        request.getPath(),
        exception);
    return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "30")
        .body(
            Map.of(
                "error",
                "unavailable",
                "message",
                "storage is unavailable; nothing was stored, retry later"));
  }
}
