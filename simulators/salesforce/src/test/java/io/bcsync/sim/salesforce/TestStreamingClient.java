package io.bcsync.sim.salesforce;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * A Salesforce-style subscriber on the real cometd-java-client: Bearer header on every request, a
 * replay extension that remembers the last replay id per channel, and re-subscription after every
 * successful handshake.
 */
final class TestStreamingClient implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(15);

  final BayeuxClient client;
  final AtomicReference<String> token;
  final Map<String, Long> replayIds = new ConcurrentHashMap<>();
  final Map<String, List<Map<String, Object>>> events = new ConcurrentHashMap<>();
  final List<Message> metaErrors = new CopyOnWriteArrayList<>();
  final List<Message> subscribeReplies = new CopyOnWriteArrayList<>();
  final AtomicInteger successfulHandshakes = new AtomicInteger();
  private final HttpClient http = new HttpClient();
  private final Map<String, Long> subscriptions = new ConcurrentHashMap<>();

  TestStreamingClient(SalesforceSimulator sim, String accessToken) throws Exception {
    this.token = new AtomicReference<>(accessToken);
    http.start();
    Map<String, Object> options = new HashMap<>();
    options.put(ClientTransport.JSON_CONTEXT_OPTION, "org.cometd.common.JacksonJSONContextClient");
    options.put(ClientTransport.MAX_NETWORK_DELAY_OPTION, 120_000);
    JettyHttpClientTransport transport =
        new JettyHttpClientTransport(options, http) {
          @Override
          protected void customize(Request request) {
            request.headers(h -> h.put("Authorization", "Bearer " + token.get()));
          }
        };
    client = new BayeuxClient(sim.cometdUrl(), transport);
    client.addExtension(new ReplayExtension());
    client
        .getChannel(Channel.META_HANDSHAKE)
        .addListener(
            (ClientSessionChannel.MessageListener)
                (c, m) -> {
                  if (m.isSuccessful()) {
                    successfulHandshakes.incrementAndGet();
                    subscriptions
                        .keySet()
                        .forEach(this::doSubscribe); // re-subscription is the application's job
                  } else {
                    metaErrors.add(m);
                  }
                });
    client
        .getChannel(Channel.META_CONNECT)
        .addListener(
            (ClientSessionChannel.MessageListener)
                (c, m) -> {
                  if (!m.isSuccessful()) {
                    metaErrors.add(m);
                  }
                });
  }

  void handshake() {
    client.handshake();
    await().atMost(WAIT).until(() -> successfulHandshakes.get() > 0 || !metaErrors.isEmpty());
  }

  /**
   * Subscribes and waits for the reply; the replay id sent is the stored one, else the given
   * default.
   */
  Message subscribe(String channel, long replayFrom) {
    replayIds.putIfAbsent(channel, replayFrom);
    subscriptions.put(channel, replayFrom);
    int before = subscribeReplies.size();
    doSubscribe(channel);
    await().atMost(WAIT).until(() -> subscribeReplies.size() > before);
    return subscribeReplies.get(subscribeReplies.size() - 1);
  }

  private void doSubscribe(String channel) {
    client
        .getChannel(channel)
        .subscribe(
            (c, message) -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> data = (Map<String, Object>) message.getData();
              events.computeIfAbsent(channel, k -> new CopyOnWriteArrayList<>()).add(data);
            },
            subscribeReplies::add);
  }

  List<Map<String, Object>> events(String channel) {
    return new ArrayList<>(events.getOrDefault(channel, List.of()));
  }

  /** Waits until an event on the channel satisfies the predicate and returns it. */
  Map<String, Object> awaitEvent(
      String channel, java.util.function.Predicate<Map<String, Object>> matching) {
    AtomicReference<Map<String, Object>> found = new AtomicReference<>();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              events(channel).stream().filter(matching).findFirst().ifPresent(found::set);
              return found.get() != null;
            });
    return found.get();
  }

  @Override
  public void close() throws Exception {
    client.disconnect(2_000);
    http.stop();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> payload(Map<String, Object> event) {
    return (Map<String, Object>) event.get("payload");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> header(Map<String, Object> event) {
    return (Map<String, Object>) payload(event).get("ChangeEventHeader");
  }

  @SuppressWarnings("unchecked")
  static long replayId(Map<String, Object> event) {
    return ((Number) ((Map<String, Object>) event.get("event")).get("replayId")).longValue();
  }

  static boolean about(Map<String, Object> event, String recordId) {
    return ((List<?>) header(event).get("recordIds")).contains(recordId);
  }

  /**
   * Sends the stored replay id per channel on subscribe and records the ids of delivered events.
   */
  private final class ReplayExtension implements ClientSession.Extension {
    @Override
    public boolean sendMeta(ClientSession session, Message.Mutable message) {
      if (Channel.META_SUBSCRIBE.equals(message.getChannel())) {
        String channel = (String) message.get(Message.SUBSCRIPTION_FIELD);
        message.getExt(true).put("replay", Map.of(channel, replayIds.getOrDefault(channel, -1L)));
      }
      return true;
    }

    @Override
    public boolean rcv(ClientSession session, Message.Mutable message) {
      if (message.getData() instanceof Map<?, ?> data
          && data.get("event") instanceof Map<?, ?> event
          && event.get("replayId") instanceof Number id) {
        replayIds.put(
            message.getChannel(), id.longValue()); // Jackson may give Integer: read as Number
      }
      return true;
    }
  }
}
