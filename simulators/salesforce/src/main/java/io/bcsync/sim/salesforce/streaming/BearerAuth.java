package io.bcsync.sim.salesforce.streaming;

import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerMessage;

/**
 * Reads the access token from the Authorization header of the HTTP request carrying a Bayeux
 * message.
 */
final class BearerAuth {
  private BearerAuth() {}

  static String token(ServerMessage message) {
    BayeuxContext context = message == null ? null : message.getBayeuxContext();
    String header = context == null ? null : context.getHeader("Authorization");
    if (header == null) {
      return null;
    }
    String trimmed = header.trim();
    for (String scheme : new String[] {"Bearer ", "OAuth "}) {
      if (trimmed.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return trimmed.substring(scheme.length()).trim();
      }
    }
    return trimmed; // EMP-Connector style: the raw token without a scheme
  }
}
