package io.bcsync.sim.salesforce.streaming;

import io.bcsync.sim.salesforce.auth.SessionRegistry;
import io.bcsync.sim.salesforce.schema.Schema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.ServerMessageImpl;

/**
 * Makes a stock CometD server answer like Salesforce: the replay handshake extension, replay-id
 * validation on subscribe, Salesforce's error strings (403::Unknown client, 401::Authentication
 * invalid, 400::The replayId...), and de-duplication so a subscriber never sees one replay id twice
 * on a channel.
 */
final class SalesforceBayeuxExtension implements BayeuxServer.Extension {
  static final String REPLAY_FROM_ATTRIBUTE = "bcsync.replayFrom";
  static final String DROPPED_ATTRIBUTE = "bcsync.dropped";
  private static final String FORGOTTEN_ATTRIBUTE = "bcsync.forgotten";
  private static final String DELIVERED_ATTRIBUTE = "bcsync.delivered";

  /**
   * Salesforce's text when the org's daily event delivery allocation is used up (reference B.4:
   * /meta/subscribe).
   */
  static final String DAILY_LIMIT_ERROR = "403::Organization total events daily limit exceeded";

  private final SessionRegistry sessions;
  private final Schema schema;
  private final EventBus bus;

  /** Counted so tests can prove a subscriber does not reconnect in a loop; remote clients only. */
  private final AtomicLong handshakes = new AtomicLong();

  private final AtomicLong subscribes = new AtomicLong();
  private volatile boolean dailyLimitExceeded;

  SalesforceBayeuxExtension(SessionRegistry sessions, Schema schema, EventBus bus) {
    this.sessions = sessions;
    this.schema = schema;
    this.bus = bus;
  }

  @Override
  public boolean rcvMeta(ServerSession session, ServerMessage.Mutable message) {
    String channel = message.getChannel();
    if (session != null && session.isLocalSession()) {
      return true; // the simulator's own publisher
    }
    if (Channel.META_HANDSHAKE.equals(channel)) {
      handshakes.incrementAndGet();
    } else if (Channel.META_SUBSCRIBE.equals(channel)) {
      subscribes.incrementAndGet();
    }
    if (session == null) {
      return true;
    }
    if (Channel.META_CONNECT.equals(channel) && session.getAttribute(DROPPED_ATTRIBUTE) != null) {
      // The client is told it is unknown; the stale server session is swept after maxInterval.
      session.removeAttribute(DROPPED_ATTRIBUTE);
      session.setAttribute(FORGOTTEN_ATTRIBUTE, Boolean.TRUE);
      return reject(message, "403::Unknown client", Message.RECONNECT_HANDSHAKE_VALUE);
    }
    if (session.getAttribute(FORGOTTEN_ATTRIBUTE) != null
        && !Channel.META_HANDSHAKE.equals(channel)) {
      return reject(message, "403::Unknown client", Message.RECONNECT_HANDSHAKE_VALUE);
    }
    if (Channel.META_CONNECT.equals(channel) && sessions.isRevoked(BearerAuth.token(message))) {
      return reject(message, "401::Authentication invalid", Message.RECONNECT_NONE_VALUE);
    }
    if (Channel.META_SUBSCRIBE.equals(channel) && dailyLimitExceeded) {
      // Salesforce answers subscribes with this while the allocation is used up; handshakes still
      // succeed.
      return reject(message, DAILY_LIMIT_ERROR, null);
    }
    if (Channel.META_SUBSCRIBE.equals(channel)) {
      return checkSubscription(session, message);
    }
    return true;
  }

  void setDailyLimitExceeded(boolean exceeded) {
    dailyLimitExceeded = exceeded;
  }

  boolean isDailyLimitExceeded() {
    return dailyLimitExceeded;
  }

  long handshakes() {
    return handshakes.get();
  }

  long subscribes() {
    return subscribes.get();
  }

  private boolean checkSubscription(ServerSession session, ServerMessage.Mutable message) {
    Object subscription = message.get(Message.SUBSCRIPTION_FIELD);
    if (!(subscription instanceof String target)) {
      return true;
    }
    if (!schema.isKnownChannel(target)) {
      return reject(
          message, "400::The channel you requested to subscribe to doesn't exist " + target, null);
    }
    long replayFrom = requestedReplayId(message, target);
    if (bus.replay(target, replayFrom).isEmpty()) {
      return reject(
          message,
          "400::The replayId {"
              + replayFrom
              + "} you provided was invalid. Please provide "
              + "a valid ID, -2 to replay all events, or -1 to replay only new events.",
          null);
    }
    replayStarts(session).put(target, replayFrom);
    return true;
  }

  private static long requestedReplayId(ServerMessage message, String channel) {
    Map<String, Object> ext = message.getExt();
    Object replay = ext == null ? null : ext.get("replay");
    if (replay instanceof Map<?, ?> map && map.get(channel) instanceof Number n) {
      return n.longValue();
    }
    return -1;
  }

  /**
   * Fails the message with Salesforce's error text; a reply marked handled keeps it instead of
   * "message deleted".
   */
  private static boolean reject(ServerMessage.Mutable message, String error, String reconnect) {
    ServerMessage.Mutable reply = message.getAssociated();
    if (reply != null) {
      fail(reply, error, reconnect);
      if (reply instanceof ServerMessageImpl impl) {
        impl.setHandled(true);
      }
    }
    return false;
  }

  @Override
  public boolean sendMeta(ServerSession to, ServerMessage.Mutable reply) {
    String channel = reply.getChannel();
    if (Channel.META_HANDSHAKE.equals(channel)) {
      handshakeReply(reply);
    } else if (!reply.isSuccessful()
        && String.valueOf(reply.get(Message.ERROR_FIELD)).startsWith("402::")) {
      // CometD says 402; Salesforce says 403::Unknown client, and clients match on that text
      fail(reply, "403::Unknown client", Message.RECONNECT_HANDSHAKE_VALUE);
    }
    return true;
  }

  private static void handshakeReply(ServerMessage.Mutable reply) {
    if (reply.isSuccessful()) {
      reply.getExt(true).put("replay", true);
      reply.getExt(true).put("payload.format", true);
      return;
    }
    ServerMessage request = reply.getAssociated();
    String reason =
        BearerAuth.token(request) == null
            ? "401::Request requires authentication"
            : "401::Authentication invalid";
    reply.getExt(true).put("sfdc", Map.of("failureReason", reason));
    fail(reply, "403::Handshake denied", Message.RECONNECT_NONE_VALUE);
  }

  private static void fail(ServerMessage.Mutable reply, String error, String reconnect) {
    reply.setSuccessful(false);
    reply.put(Message.ERROR_FIELD, error);
    if (reconnect != null) {
      Map<String, Object> advice = new HashMap<>();
      advice.put(Message.RECONNECT_FIELD, reconnect);
      advice.put(Message.INTERVAL_FIELD, 0);
      reply.put(Message.ADVICE_FIELD, advice);
    }
  }

  /**
   * Drops an event the subscriber already received (replayed and then published live, or vice
   * versa).
   */
  @Override
  public boolean send(ServerSession from, ServerSession to, ServerMessage.Mutable message) {
    if (to == null || message.getChannel() == null || message.getChannel().startsWith("/meta/")) {
      return true;
    }
    Optional<Long> replayId = replayIdOf(message);
    if (replayId.isEmpty()) {
      return true;
    }
    Set<String> delivered = deliveredKeys(to);
    synchronized (delivered) {
      return delivered.add(message.getChannel() + "#" + replayId.get());
    }
  }

  static Optional<Long> replayIdOf(Message message) {
    if (message.getData() instanceof Map<?, ?> data
        && data.get("event") instanceof Map<?, ?> event
        && event.get("replayId") instanceof Number n) {
      return Optional.of(n.longValue());
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Long> replayStarts(ServerSession session) {
    synchronized (session) {
      Object existing = session.getAttribute(REPLAY_FROM_ATTRIBUTE);
      if (existing == null) {
        existing = new ConcurrentHashMap<String, Long>();
        session.setAttribute(REPLAY_FROM_ATTRIBUTE, existing);
      }
      return (Map<String, Long>) existing;
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> deliveredKeys(ServerSession session) {
    synchronized (session) {
      Object existing = session.getAttribute(DELIVERED_ATTRIBUTE);
      if (existing == null) {
        existing = new HashSet<String>();
        session.setAttribute(DELIVERED_ATTRIBUTE, existing);
      }
      return (Set<String>) existing;
    }
  }
}
