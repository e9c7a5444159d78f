package io.bcsync.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * Baseline for {@code scripts/bench-ingest}: same server, same threading and body handling as the
 * webhook intake, but no parsing, authentication or database. Only exists when {@code
 * bcsync.bench-endpoint.enabled=true}.
 */
@Controller("/bench/noop")
@Requires(property = "bcsync.bench-endpoint.enabled", value = "true")
public class NoopController {
  @Post
  @Consumes(MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<Map<String, Object>> receive(@Nullable @Body byte[] body) {
    return HttpResponse.ok(Map.of("status", "accepted", "bytes", body == null ? 0 : body.length));
  }
}
