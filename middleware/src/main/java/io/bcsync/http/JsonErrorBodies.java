package io.bcsync.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of every error the framework answers by itself (an argument that does not convert, a
 * missing or unparsable body, an unknown route, a wrong method or media type): the same {@code
 * {"error", "message"}} shape our controllers return, instead of Micronaut's HAL document, so an
 * operator's script handles one shape. A 4xx says what was wrong; a 5xx never carries an
 * exception's text (it may name tables, hosts or values).
 */
@Singleton // Micronaut's own provider steps aside when any JsonErrorResponseBodyProvider bean
// exists
public class JsonErrorBodies implements JsonErrorResponseBodyProvider<Map<String, String>> {
  private static final Logger LOG = LoggerFactory.getLogger(JsonErrorBodies.class);

  @Override
  public Map<String, String> body(ErrorContext context, HttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    String message =
        status.getCode() >= 500
            ? "internal error; see the service log"
            : clientMessage(context, status);
    HttpRequest<?> request = context.getRequest();
    if (status.getCode() < 500) {
      // The path only: a query string can carry OAuth codes or other callers' secrets.
      LOG.info(
          "Rejected {} {}: {} {}",
          request.getMethod(),
          request.getPath(),
          status.getCode(),
          message);
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", status.name().toLowerCase(Locale.ROOT));
    body.put("message", message);
    return body;
  }

  private static String clientMessage(ErrorContext context, HttpStatus status) {
    String joined =
        context.getErrors().stream()
            .map(Error::getMessage)
            .distinct()
            .collect(Collectors.joining("; "));
    return joined.isBlank() ? status.getReason() : joined;
  }
}
