package io.bcsync.salesforce.streaming;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;

/**
 * Salesforce's replay protocol for CometD 8 (written for this project; EMP-Connector targets CometD
 * 4): asks for replay support on handshake and puts {@code ext.replay = {channel: replayId}} on
 * every subscribe. The id comes from the subscriber, which answers with the last id durably
 * recorded, never with one merely received: after a re-handshake the server must resend everything
 * not yet in the database.
 */
final class ReplayExtension implements ClientSession.Extension {
  private final ToLongFunction<String> replayFrom;
  private volatile boolean serverSupportsReplay;

  ReplayExtension(ToLongFunction<String> replayFrom) {
    this.replayFrom = replayFrom;
  }

  @Override
  public boolean sendMeta(ClientSession session, Message.Mutable message) {
    if (Channel.META_HANDSHAKE.equals(message.getChannel())) {
      message.getExt(true).put("replay", Boolean.TRUE);
    } else if (Channel.META_SUBSCRIBE.equals(message.getChannel())
        && message.get(Message.SUBSCRIPTION_FIELD) instanceof String channel) {
      // Only the subscribed channel: the key must equal the subscription exactly, or Salesforce
      // rejects it.
      Map<String, Object> replay = new HashMap<>();
      replay.put(channel, replayFrom.applyAsLong(channel));
      message.getExt(true).put("replay", replay);
    }
    return true;
  }

  @Override
  public boolean rcvMeta(ClientSession session, Message.Mutable message) {
    if (Channel.META_HANDSHAKE.equals(message.getChannel()) && message.isSuccessful()) {
      Map<String, Object> ext = message.getExt();
      serverSupportsReplay = ext != null && Boolean.TRUE.equals(ext.get("replay"));
    }
    return true;
  }

  boolean serverSupportsReplay() {
    return serverSupportsReplay;
  }
}
