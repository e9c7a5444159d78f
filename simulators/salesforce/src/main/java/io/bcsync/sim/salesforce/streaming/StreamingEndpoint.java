package io.bcsync.sim.salesforce.streaming;

import io.bcsync.sim.salesforce.auth.SessionRegistry;
import io.bcsync.sim.salesforce.schema.Schema;
import java.util.List;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.DefaultSecurityPolicy;
import org.cometd.server.ServerSessionImpl;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * /cometd/{version}: a CometD long-polling server that behaves like Salesforce's Streaming API —
 * Bearer auth on every request, the replay extension, retained events, and Salesforce's error
 * strings.
 */
public final class StreamingEndpoint {
  private final SessionRegistry sessions;
  private final Schema schema;
  private final EventBus bus;
  private final long longPollTimeoutMillis;
  private ServletHolder holder;
  private BayeuxServerImpl bayeux;
  private LocalSession publisher;
  private SalesforceBayeuxExtension salesforce;

  public StreamingEndpoint(
      SessionRegistry sessions, Schema schema, EventBus bus, long longPollTimeoutMillis) {
    this.sessions = sessions;
    this.schema = schema;
    this.bus = bus;
    this.longPollTimeoutMillis = longPollTimeoutMillis;
  }

  public void install(ServletContextHandler context) {
    holder = new ServletHolder("cometd", CometDServlet.class);
    holder.setInitParameter("jsonContext", "org.cometd.server.JacksonJSONContextServer");
    holder.setInitParameter("timeout", String.valueOf(longPollTimeoutMillis));
    // Salesforce drops a client that has not reconnected within 40 s of its last response.
    holder.setInitParameter("maxInterval", "40000");
    holder.setInitOrder(1);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/cometd/*");
  }

  /** Wires the Salesforce behaviour into the Bayeux server the servlet created. */
  public void started() throws Exception {
    bayeux = (BayeuxServerImpl) ((CometDServlet) holder.getServlet()).getBayeuxServer();
    bayeux.setSecurityPolicy(new BearerSecurityPolicy());
    salesforce = new SalesforceBayeuxExtension(sessions, schema, bus);
    bayeux.addExtension(salesforce);
    bayeux.addListener(new ReplayOnSubscribe());
    publisher = bayeux.newLocalSession("salesforce-event-bus");
    publisher.handshake();
    bus.addListener(this::deliverLive);
  }

  private void deliverLive(StoredEvent event) {
    for (String channel : event.channels()) {
      bayeux.createChannelIfAbsent(channel);
      ServerChannel target = bayeux.getChannel(channel);
      target.publish(publisher.getServerSession(), event.data(), Promise.noop());
    }
  }

  /**
   * Forgets every streaming client: held long polls complete now, and the next /meta/connect of
   * each client gets 403::Unknown client (then the client must handshake and subscribe again).
   */
  public int dropClients() {
    List<ServerSession> clients = remoteSessions();
    clients.forEach(s -> s.setAttribute(SalesforceBayeuxExtension.DROPPED_ATTRIBUTE, Boolean.TRUE));
    wakeClients();
    return clients.size();
  }

  /**
   * Completes held long polls so clients re-check their token now rather than after the poll
   * timeout.
   */
  public void wakeClients() {
    remoteSessions().forEach(s -> ((ServerSessionImpl) s).flush());
  }

  /**
   * While set, every /meta/subscribe is refused with {@code 403::Organization total events daily
   * limit exceeded} (the org's daily event delivery allocation is used up); handshakes and connects
   * still succeed.
   */
  public void setDailyLimitExceeded(boolean exceeded) {
    salesforce.setDailyLimitExceeded(exceeded);
  }

  public boolean isDailyLimitExceeded() {
    return salesforce.isDailyLimitExceeded();
  }

  /** /meta/handshake requests received from clients since start (successful or not). */
  public long handshakeCount() {
    return salesforce.handshakes();
  }

  /** /meta/subscribe requests received from clients since start (successful or not). */
  public long subscribeCount() {
    return salesforce.subscribes();
  }

  public int connectedClients() {
    return remoteSessions().size();
  }

  private List<ServerSession> remoteSessions() {
    return bayeux == null
        ? List.of()
        : bayeux.getSessions().stream().filter(s -> !s.isLocalSession()).toList();
  }

  /** Handshakes need a live session token; revoked or unknown tokens get 403::Handshake denied. */
  private final class BearerSecurityPolicy extends DefaultSecurityPolicy {
    @Override
    public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
      if (session.isLocalSession()) {
        return true;
      }
      return sessions.peek(BearerAuth.token(message)).isPresent();
    }
  }

  /** Delivers the retained events a subscription asked for (-2, or after a stored replay id). */
  private final class ReplayOnSubscribe implements BayeuxServer.SubscriptionListener {
    @Override
    public void subscribed(ServerSession session, ServerChannel channel, ServerMessage message) {
      if (session.isLocalSession()) {
        return;
      }
      Long from = SalesforceBayeuxExtension.replayStarts(session).remove(channel.getId());
      if (from == null) {
        return;
      }
      bus.locked(
          () ->
              bus.replay(channel.getId(), from)
                  .orElse(List.of())
                  .forEach(
                      event ->
                          session.deliver(
                              publisher.getServerSession(),
                              channel.getId(),
                              event.data(),
                              Promise.noop())));
    }
  }
}
