package io.bcsync.salesforce.streaming;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.config.SalesforceStreamingConfig;
import io.bcsync.salesforce.auth.SalesforceToken;
import io.bcsync.salesforce.auth.TokenProvider;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.salesforce.soap.SoapEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Streaming API subscription set on cometd-java-client 8 (Jetty 12), for the leader instance.
 *
 * <ul>
 *   <li>Events are handed from CometD's threads to one ordered worker, so /meta/connect keeps
 *       flowing and replay ids are committed in delivery order.
 *   <li>After every successful handshake (first, or CometD's own re-handshake after {@code
 *       403::Unknown client}) all channels are subscribed again from the stored replay ids.
 *   <li>{@code 401} (connect, or a handshake denied for 401): a new token first, then a new client.
 *   <li>{@code 400::The replayId ... was invalid}: subscribe from -2 (everything retained) and
 *       queue a reconciliation of the window in between; never silently -1.
 *   <li>{@code 403::Organization total events daily limit exceeded}: disconnect at once and refuse
 *       to start again until daily-limit-backoff has passed on the injected clock, instead of
 *       reconnecting in a tight loop. The supervisor's leader ticks restart it afterwards;
 *       meanwhile this instance keeps the lease, so no other instance walks into the same limit.
 *   <li>A failure to record an event stops the client; it restarts from the stored ids, so the
 *       event comes again.
 * </ul>
 */
public class StreamingClient {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingClient.class);
  static final long REPLAY_NEW_ONLY = -1;
  static final long REPLAY_ALL_RETAINED = -2;
  static final Duration RESTART_DELAY = Duration.ofSeconds(2);

  private final SalesforceConfig salesforce;
  private final SalesforceStreamingConfig config;
  private final TokenProvider tokens;
  private final SalesforceConnector connector;
  private final StreamEventRecorder recorder;
  private final ReplayStore replays;
  private final ReconciliationQueue reconciliations;
  private final StreamingMetrics metrics;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService events;
  private final AtomicReference<String> bearer = new AtomicReference<>();
  private final Map<String, Long> replayOverrides = new ConcurrentHashMap<>();
  private final Map<String, String> subscribed = new ConcurrentHashMap<>();

  /** Bumped on stop: events queued by an earlier client are dropped (they will be replayed). */
  private final AtomicInteger generation = new AtomicInteger();

  private volatile BayeuxClient client;
  private volatile HttpClient http;
  private volatile String orgId;
  private volatile OwnChangeFilter ownChanges;
  private volatile boolean running;

  /**
   * Epoch ms (injected clock) before which {@link #start()} does nothing: the daily event limit was
   * hit.
   */
  private volatile long dailyLimitUntilMs;

  public StreamingClient(
      SalesforceConfig salesforce,
      SalesforceStreamingConfig config,
      TokenProvider tokens,
      SalesforceConnector connector,
      StreamEventRecorder recorder,
      ReplayStore replays,
      ReconciliationQueue reconciliations,
      StreamingMetrics metrics,
      Clock clock,
      ScheduledExecutorService scheduler) {
    this.salesforce = salesforce;
    this.config = config;
    this.tokens = tokens;
    this.connector = connector;
    this.recorder = recorder;
    this.replays = replays;
    this.reconciliations = reconciliations;
    this.metrics = metrics;
    this.clock = clock;
    this.scheduler = scheduler;
    this.events =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "salesforce-stream-events");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Connects (guard-checked), handshakes and subscribes. */
  public synchronized void start() throws Exception {
    if (running) {
      return;
    }
    if (isBackingOff()) {
      // Every leader tick lands here during the backoff: no handshake, so Salesforce sees no
      // reconnect loop.
      LOG.debug("Streaming: daily event limit backoff until {}; not connecting", backingOffUntil());
      return;
    }
    SalesforceSession session = connector.session();
    orgId = session.org().orgId();
    String integrationUser =
        config.integrationUserId() != null ? config.integrationUserId() : session.org().userId();
    ownChanges = new OwnChangeFilter(salesforce.clientIdHeader(), integrationUser);
    SalesforceToken token = tokens.current();
    bearer.set(token.accessToken());
    HttpClient httpClient = new HttpClient();
    httpClient.start();
    // Must be mutable: the transport writes defaults into it (build-notes.md).
    Map<String, Object> options = new HashMap<>();
    options.put(ClientTransport.JSON_CONTEXT_OPTION, "org.cometd.common.JacksonJSONContextClient");
    options.put(ClientTransport.MAX_MESSAGE_SIZE_OPTION, 10 * 1024 * 1024);
    options.put(ClientTransport.MAX_NETWORK_DELAY_OPTION, 15_000);
    JettyHttpClientTransport transport =
        new JettyHttpClientTransport(options, httpClient) {
          @Override
          protected void customize(Request request) {
            request.headers(h -> h.put("Authorization", "Bearer " + bearer.get()));
          }
        };
    BayeuxClient bayeux = new BayeuxClient(SoapEndpoints.cometdUrl(token.instanceUrl()), transport);
    bayeux.addExtension(new ReplayExtension(this::replayFrom));
    bayeux
        .getChannel(Channel.META_HANDSHAKE)
        .addListener((ClientSessionChannel.MessageListener) this::onHandshake);
    bayeux
        .getChannel(Channel.META_CONNECT)
        .addListener((ClientSessionChannel.MessageListener) this::onConnect);
    http = httpClient;
    client = bayeux;
    running = true;
    bayeux.handshake();
    LOG.info(
        "Streaming: connecting to {} for {}",
        SoapEndpoints.cometdUrl(token.instanceUrl()),
        config.channels());
  }

  /** Disconnects; queued events of this client are dropped and replayed on the next start. */
  public synchronized void stop() {
    running = false;
    generation.incrementAndGet();
    subscribed.clear();
    BayeuxClient bayeux = client;
    HttpClient httpClient = http;
    client = null;
    http = null;
    if (bayeux != null) {
      bayeux.disconnect(1000);
    }
    if (httpClient != null) {
      try {
        httpClient.stop();
      } catch (Exception e) {
        LOG.warn("Streaming: stopping the HTTP client failed: {}", e.toString());
      }
    }
  }

  /**
   * Stops; the event being recorded commits with its replay id (queued ones are replayed from the
   * stored id). One still running after 5 s is interrupted, rolled back, replayed.
   */
  public void close() {
    stop();
    events.shutdown();
    try {
      events.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    events.shutdownNow();
  }

  public boolean isRunning() {
    return running;
  }

  /** True while the daily-event-limit backoff lasts (on the injected clock). */
  public boolean isBackingOff() {
    return clock.millis() < dailyLimitUntilMs;
  }

  /** End of the current or last daily-event-limit backoff, if there ever was one. */
  public Optional<Instant> backingOffUntil() {
    long until = dailyLimitUntilMs;
    return until == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
  }

  /** Channels whose subscription Salesforce confirmed since the last handshake. */
  public Map<String, String> subscriptions() {
    return Map.copyOf(subscribed);
  }

  String bearerToken() {
    return bearer.get();
  }

  long replayFrom(String channel) {
    Long override = replayOverrides.get(channel);
    if (override != null) {
      return override;
    }
    return replays
        .get(channel)
        .map(ReplayStore.Position::replayId)
        .filter(id -> id >= 0)
        .orElse(REPLAY_NEW_ONLY);
  }

  private void onHandshake(ClientSessionChannel channel, Message message) {
    if (message.isSuccessful()) {
      subscribed.clear();
      config.channels().forEach(this::subscribe);
      return;
    }
    String reason = failureReason(message);
    LOG.warn("Streaming: handshake failed: {}", reason);
    if (reason.startsWith("401")) {
      metrics.problem("all", "auth_renewed");
      restart(Duration.ZERO, true);
    }
  }

  private void onConnect(ClientSessionChannel channel, Message message) {
    if (message.isSuccessful()) {
      return;
    }
    String error = failureReason(message);
    if (error.startsWith("403::Unknown client")) {
      // CometD re-handshakes by itself (advice: handshake); onHandshake then resubscribes from
      // stored ids.
      metrics.problem("all", "unknown_client");
      LOG.info(
          "Streaming: server forgot this client (403::Unknown client); re-handshaking and resubscribing");
    } else if (error.startsWith("401")) {
      metrics.problem("all", "auth_renewed");
      LOG.info("Streaming: token rejected ({}); getting a new token and reconnecting", error);
      restart(Duration.ZERO, true);
    } else {
      LOG.debug("Streaming: connect failed: {}", error);
    }
  }

  private void subscribe(String name) {
    BayeuxClient bayeux = client;
    if (bayeux == null) {
      return;
    }
    int gen = generation.get();
    bayeux
        .getChannel(name)
        .subscribe(
            (c, message) -> {
              Map<String, Object> data = message.getDataAsMap();
              events.execute(() -> handle(gen, name, data));
            },
            reply -> events.execute(() -> onSubscribeReply(gen, name, reply)));
  }

  private void onSubscribeReply(int gen, String name, Message reply) {
    if (gen != generation.get()) {
      return;
    }
    if (reply.isSuccessful()) {
      subscribed.put(name, "from " + replayFrom(name));
      LOG.info("Streaming: subscribed to {} from replay id {}", name, replayFrom(name));
      return;
    }
    String error = failureReason(reply);
    if (error.startsWith("400::The replayId")) {
      fallBackToRetained(name, error);
    } else if (error.contains("daily limit")) {
      metrics.problem(name, "daily_limit");
      LOG.error(
          "Streaming: {} on {}; staying away for {} (no events are lost while Salesforce retains them)",
          error,
          name,
          config.dailyLimitBackoff());
      backOffForDailyLimit();
    } else {
      metrics.problem(name, "subscribe_failed");
      LOG.error("Streaming: subscribing to {} failed: {}", name, error);
    }
  }

  /**
   * Disconnects now and blocks {@link #start()} until the backoff has passed. Timed on the injected
   * clock rather than with a scheduled restart: one refused handshake refuses every channel, and a
   * restart per channel would multiply with each failed retry. stop() bumps the generation, so the
   * other channels' refusals of this handshake are ignored and there is exactly one backoff per
   * hit.
   */
  private synchronized void backOffForDailyLimit() {
    dailyLimitUntilMs = clock.millis() + config.dailyLimitBackoff().toMillis();
    stop();
  }

  /**
   * The stored id is past retention: queue a reconciliation of the window that cannot be replayed
   * (durably, first), then take everything still retained.
   */
  private void fallBackToRetained(String name, String error) {
    new ReplayGap(replays, reconciliations, metrics, clock).reconcile(name, error);
    replayOverrides.put(name, REPLAY_ALL_RETAINED);
    subscribe(name);
  }

  private void handle(int gen, String channel, Map<String, Object> data) {
    if (gen != generation.get() || data == null) {
      return;
    }
    try {
      StreamEvent event = new StreamEvent(channel, data);
      recorder.record(orgId, ownChanges, event);
      replayOverrides.remove(channel); // the stored id is current again
    } catch (RuntimeException e) {
      // Later events must not be recorded past this one (their replay id would skip it): stop,
      // restart from the DB.
      metrics.problem(channel, "record_failed");
      LOG.error(
          "Streaming: could not record an event on {}; restarting from the stored replay ids",
          channel,
          e);
      generation.incrementAndGet();
      restart(RESTART_DELAY, false);
    }
  }

  private void restart(Duration delay, boolean renewToken) {
    String stale = bearer.get();
    scheduler.schedule(
        () -> {
          synchronized (this) {
            if (!running) {
              return; // stopped on purpose meanwhile (lost leadership, shutdown)
            }
            stop();
            try {
              if (renewToken) {
                tokens.renew(stale);
                connector.reset();
              }
              start();
            } catch (Exception e) {
              LOG.warn(
                  "Streaming: reconnect failed ({}); the leader check will try again",
                  e.toString());
            }
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static String failureReason(Message message) {
    Map<String, Object> ext = message.getExt();
    if (ext != null
        && ext.get("sfdc") instanceof Map<?, ?> sfdc
        && sfdc.get("failureReason") != null) {
      return String.valueOf(sfdc.get("failureReason"));
    }
    Object error = message.get(Message.ERROR_FIELD);
    if (error != null) {
      return String.valueOf(error);
    }
    Object failure = message.get("failure");
    return failure == null ? "unknown" : String.valueOf(failure);
  }
}
