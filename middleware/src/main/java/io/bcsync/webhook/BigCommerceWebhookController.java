package io.bcsync.webhook;

import io.bcsync.config.PipelineConfig;
import io.bcsync.environment.StoreEnvironmentGuard;
import io.bcsync.observability.PipelineMetrics;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.IntakeBatcher;
import io.bcsync.pipeline.IntakeResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives BigCommerce callbacks: validates, authenticates, commits the event to the database, and
 * only then acknowledges. Processing happens later in the pipeline, so the acknowledgement stays
 * fast.
 *
 * <p>Where an order goes from here: {@link IntakeBatcher} commits it, together with concurrent
 * callbacks, as an event joined to a work item ({@link EventIntake} has the row-by-row rules), the
 * pipeline's {@code BatchProcessor} claims the item, and the configured {@code WorkItemHandler}
 * syncs it.
 *
 * <p>Validation runs on a blocking-pool thread because the store lookup may read the database
 * (app-installed stores); the thread is released as soon as the callback is queued, and the
 * response is written when its group commits, so no thread is parked per waiting callback.
 */
@Controller("/webhooks/bigcommerce")
public class BigCommerceWebhookController {
  private static final Logger LOG = LoggerFactory.getLogger(BigCommerceWebhookController.class);
  private static final Pattern WEBHOOK_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");

  private final CallbackParser parser;
  private final CallbackAuthenticator authenticator;
  private final EntityResolver entityResolver;
  private final WebhookStores stores;
  private final IntakeBatcher intake;
  private final PipelineConfig config;
  private final PipelineMetrics metrics;
  private final StoreEnvironmentGuard storeGuard;

  public BigCommerceWebhookController(
      CallbackParser parser,
      CallbackAuthenticator authenticator,
      EntityResolver entityResolver,
      WebhookStores stores,
      IntakeBatcher intake,
      PipelineConfig config,
      PipelineMetrics metrics,
      StoreEnvironmentGuard storeGuard) {
    this.parser = parser;
    this.authenticator = authenticator;
    this.entityResolver = entityResolver;
    this.stores = stores;
    this.intake = intake;
    this.config = config;
    this.metrics = metrics;
    this.storeGuard = storeGuard;
  }

  @Post
  @Consumes(MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public CompletableFuture<HttpResponse<Map<String, Object>>> receive(
      @Nullable @Body byte[] body,
      @Nullable @Header(WebhookHeaders.STORE_SECRET) String storeSecret,
      @Nullable @Header(WebhookHeaders.WEBHOOK_ID) String webhookId,
      @Nullable @Header(WebhookHeaders.WEBHOOK_TIMESTAMP) String webhookTimestamp,
      @Nullable @Header(WebhookHeaders.WEBHOOK_SIGNATURE) String webhookSignature) {
    CallbackBody callback;
    IncomingEvent event;
    try {
      if (body == null || body.length == 0) {
        throw WebhookRejection.malformed("body is empty");
      }
      if (body.length > config.maxBodyBytes()) {
        throw new WebhookRejection(
            HttpStatus.REQUEST_ENTITY_TOO_LARGE,
            "too_large",
            "body exceeds " + config.maxBodyBytes() + " bytes");
      }
      String rawBody = decodeUtf8(body);
      callback = parser.parse(rawBody);
      WebhookStores.WebhookStore store =
          stores
              .webhookStore(callback.storeHash())
              .orElseThrow(
                  () ->
                      WebhookRejection.notAuthenticated(
                          "unknown_store", "store " + callback.storeHash() + " is not connected"));
      if (!storeGuard.isAllowed(callback.storeHash())) {
        throw WebhookRejection.notAuthenticated(
            "store_not_allowed",
            "store " + callback.storeHash() + " is not allowed in the staging environment");
      }
      Long replayableUntilMs =
          authenticator.authenticate(
              store,
              new CallbackAuthenticator.Presented(
                  storeSecret, webhookId, webhookTimestamp, webhookSignature, rawBody),
              callback.createdAt());
      if (webhookId != null && !WEBHOOK_ID.matcher(webhookId).matches()) {
        throw WebhookRejection.malformed(
            "webhook-id header must be 1 to 200 visible ASCII characters");
      }
      event =
          new IncomingEvent(
              entityResolver.resolve(callback),
              callback.scope(),
              callback.producer(),
              webhookId,
              callback.hash(),
              callback.createdAt(),
              rawBody,
              replayableUntilMs);
    } catch (WebhookRejection rejection) {
      return CompletableFuture.completedFuture(rejected(rejection));
    }
    // A failed future (storage unavailable, shutting down) goes to the exception handlers: 503,
    // nothing acknowledged.
    return intake.submit(event).thenApply(result -> acknowledge(callback, result));
  }

  private HttpResponse<Map<String, Object>> acknowledge(
      CallbackBody callback, IntakeResult result) {
    if (result instanceof IntakeResult.Accepted accepted) {
      metrics.webhookReceived();
      return HttpResponse.ok(Map.of("status", "accepted", "eventId", accepted.eventId()));
    }
    metrics.webhookDuplicate();
    LOG.debug(
        "Duplicate callback {} for store {}: {}",
        callback.scope(),
        callback.storeHash(),
        ((IntakeResult.Duplicate) result).reason());
    return HttpResponse.ok(Map.of("status", "duplicate"));
  }

  private HttpResponse<Map<String, Object>> rejected(WebhookRejection rejection) {
    metrics.webhookRejected(rejection.reason());
    LOG.warn(
        "Rejected BigCommerce callback with {}: {}",
        rejection.status().getCode(),
        rejection.getMessage());
    return HttpResponse.<Map<String, Object>>status(rejection.status())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(Map.of("error", rejection.publicError(), "message", rejection.publicMessage()));
  }

  private static String decodeUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw WebhookRejection.malformed("body is not valid UTF-8");
    }
  }
}
