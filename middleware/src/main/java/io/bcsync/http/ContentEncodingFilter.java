package io.bcsync.http;

import io.bcsync.observability.PipelineMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a request body sent with any {@code Content-Encoding} but {@code identity} with a 415,
 * before the body is read, routed or authenticated. BigCommerce sends its callbacks uncompressed,
 * and no other caller needs compression; decompressing unauthenticated input only costs CPU and
 * memory (a small gzip body can expand a thousandfold). The server's own request decompression is
 * switched off ({@code micronaut.server.netty.request-decompression-enabled: false}), so the header
 * arrives here as sent and a corrupt compressed body never reaches a decoder.
 */
@ServerFilter("/**")
public class ContentEncodingFilter implements Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(ContentEncodingFilter.class);
  private static final int SHOWN_LENGTH = 40;

  private final PipelineMetrics metrics;

  public ContentEncodingFilter(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public int getOrder() {
    // Before every other filter (the admin token check included): nothing else needs to run.
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @RequestFilter
  @Nullable
  public MutableHttpResponse<?> refuseEncodedBodies(HttpRequest<?> request) {
    String encoding = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
    if (encoding == null || isIdentity(encoding)) {
      return null;
    }
    String shown = LogSafe.printable(encoding, SHOWN_LENGTH);
    String message =
        "Content-Encoding '" + shown + "' is not supported; send the body uncompressed (identity)";
    if (request.getPath().startsWith("/webhooks/")) {
      metrics.webhookRejected("unsupported_encoding");
    }
    LOG.warn("Refused {} {}: 415 {}", request.getMethod(), request.getPath(), message);
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", "unsupported_media_type");
    body.put("message", message);
    return HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  /** Empty, {@code identity}, or a list of nothing but {@code identity}. */
  private static boolean isIdentity(String header) {
    for (String token : header.split(",")) {
      String value = token.trim().toLowerCase(Locale.ROOT);
      if (!value.isEmpty() && !value.equals("identity")) {
        return false;
      }
    }
    return true;
  }
}
