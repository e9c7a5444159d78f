package io.bcsync.sim.bigcommerce.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.store.ApiCredential;
import io.bcsync.sim.bigcommerce.store.Hook;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.StoreEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns store events into callbacks to the store's active hooks, retrying failures on BigCommerce's
 * schedule (measured on the simulator clock) and deactivating a hook when its retries run out. Due
 * deliveries are polled every few milliseconds of real time, so moving a {@link
 * io.bcsync.sim.bigcommerce.time.MutableClock} releases retries without sleeping.
 */
public final class WebhookDispatcher implements StoreEvents, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final Clock clock;
  private final RetrySchedule schedule;
  private final Duration timeout;
  private final HttpClient http;
  private final ExecutorService senders =
      Executors.newFixedThreadPool(4, daemon("bc-sim-webhook-sender"));
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(daemon("bc-sim-webhook-poller"));
  private final List<PendingDelivery> pending = new ArrayList<>();
  private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
  private final Map<String, DeliveryChaos> chaosByStore = new ConcurrentHashMap<>();
  private final Map<String, Store> storesByHash = new ConcurrentHashMap<>();

  public WebhookDispatcher(Clock clock, RetrySchedule schedule, Duration timeout) {
    this.clock = clock;
    this.schedule = schedule;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    poller.scheduleWithFixedDelay(this::releaseDue, 10, 10, TimeUnit.MILLISECONDS);
  }

  public void setChaos(String storeHash, DeliveryChaos chaos) {
    chaosByStore.put(storeHash, chaos);
  }

  /** Every attempt so far, oldest first. */
  public List<DeliveryAttempt> attempts() {
    return List.copyOf(attempts);
  }

  public synchronized int pendingCount() {
    return pending.size();
  }

  /** Called with the store's monitor held. */
  @Override
  public void publish(Store store, String scope, ObjectNode data) {
    storesByHash.putIfAbsent(store.hash(), store);
    List<Hook> targets =
        store.hooks.values().stream().filter(h -> h.active && matches(h.scope, scope)).toList();
    if (targets.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String body = body(store, scope, data, now);
    DeliveryChaos chaos = chaosByStore.getOrDefault(store.hash(), DeliveryChaos.NONE);
    for (Hook hook : targets) {
      Map<String, String> headers = new LinkedHashMap<>(hook.headers);
      String secret =
          store.credentialOfClient(hook.clientId).map(ApiCredential::clientSecret).orElse(null);
      PendingDelivery delivery =
          new PendingDelivery(
              store.hash(),
              hook.id,
              hook.destination,
              scope,
              body,
              headers,
              secret,
              "msg_" + UUID.randomUUID());
      enqueue(delivery, now.plus(chaos.delay()));
      if (chaos.duplicate()) {
        enqueue(delivery.duplicate(), now.plus(chaos.delay()));
      }
    }
  }

  /** Scope match with BigCommerce wildcards such as "store/order/*". */
  static boolean matches(String hookScope, String eventScope) {
    if (hookScope.endsWith("/*")) {
      return eventScope.startsWith(hookScope.substring(0, hookScope.length() - 1));
    }
    return hookScope.equals(eventScope);
  }

  /**
   * The callback body: scope, store_id, data, hash (SHA-1 of the JSON data), created_at, producer.
   */
  static String body(Store store, String scope, ObjectNode data, Instant now) {
    ObjectNode n = Json.object();
    n.put("scope", scope);
    n.put("store_id", store.storeId());
    n.set("data", data);
    n.put("hash", sha1(Json.write(data)));
    n.put("created_at", now.getEpochSecond());
    n.put("producer", "stores/" + store.hash());
    return Json.write(n);
  }

  private synchronized void enqueue(PendingDelivery delivery, Instant due) {
    delivery.due = due;
    pending.add(delivery);
  }

  private void releaseDue() {
    List<PendingDelivery> due = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      pending.removeIf(
          d -> {
            if (!d.due.isAfter(now)) {
              due.add(d);
              return true;
            }
            return false;
          });
    }
    due.sort((a, b) -> a.due.compareTo(b.due));
    for (PendingDelivery d : due) {
      senders.submit(() -> send(d));
    }
  }

  private void send(PendingDelivery d) {
    d.attempt++;
    long timestamp = clock.instant().getEpochSecond();
    int status = post(d, timestamp);
    attempts.add(
        new DeliveryAttempt(
            d.storeHash,
            d.hookId,
            d.scope,
            d.messageId,
            d.attempt,
            clock.instant(),
            status,
            d.body));
    if (status >= 200 && status < 300) {
      return;
    }
    int retriesDone = d.attempt - 1;
    if (retriesDone < schedule.maxRetries()) {
      enqueue(d, clock.instant().plus(schedule.delayBefore(retriesDone + 1)));
    } else {
      deactivate(d);
    }
  }

  private int post(PendingDelivery d, long timestamp) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(d.destination))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(d.body, StandardCharsets.UTF_8));
      d.headers.forEach(request::header);
      if (d.clientSecret != null) {
        StandardWebhookSigner.headers(d.clientSecret, d.messageId, timestamp, d.body)
            .forEach(request::header);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException | IllegalArgumentException e) {
      LOG.debug("webhook delivery to hook {} failed: {}", d.hookId, e.toString());
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private void deactivate(PendingDelivery d) {
    Store store = storesByHash.get(d.storeHash);
    if (store == null) {
      return;
    }
    synchronized (store) {
      Hook hook = store.hooks.get(d.hookId);
      if (hook != null) {
        hook.active = false;
        hook.deactivatedByDelivery = true;
        hook.updatedAt = clock.instant().getEpochSecond();
      }
    }
    LOG.info(
        "hook {} of store {} deactivated after {} failed retries",
        d.hookId,
        d.storeHash,
        schedule.maxRetries());
  }

  @Override
  public void close() {
    poller.shutdownNow();
    senders.shutdownNow();
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** A callback waiting for its (next) attempt. The message id stays the same across retries. */
  private static final class PendingDelivery {
    final String storeHash;
    final long hookId;
    final String destination;
    final String scope;
    final String body;
    final Map<String, String> headers;
    final String clientSecret;
    final String messageId;
    int attempt;
    Instant due;

    PendingDelivery(
        String storeHash,
        long hookId,
        String destination,
        String scope,
        String body,
        Map<String, String> headers,
        String clientSecret,
        String messageId) {
      this.storeHash = storeHash;
      this.hookId = hookId;
      this.destination = destination;
      this.scope = scope;
      this.body = body;
      this.headers = headers;
      this.clientSecret = clientSecret;
      this.messageId = messageId;
    }

    /**
     * A duplicate is the same message (same id, body and hash) sent twice, as network-level
     * redelivery would.
     */
    PendingDelivery duplicate() {
      return new PendingDelivery(
          storeHash, hookId, destination, scope, body, headers, clientSecret, messageId);
    }
  }
}
