package io.bcsync.salesforce.streaming;

import java.util.Map;

/**
 * Recognises change events caused by bcsync itself, so syncing a record to Salesforce does not echo
 * back as work: {@code changeOrigin} names our CallOptions client id ({@code
 * com/salesforce/api/soap/65.0;client=bcsync}), or the commit was made by the integration user. The
 * client id is compared as a whole token, so {@code client=bcsync2} is someone else.
 */
public class OwnChangeFilter {
  private final String clientId;
  private final String integrationUserId;

  public OwnChangeFilter(String clientId, String integrationUserId) {
    this.clientId = clientId;
    this.integrationUserId = integrationUserId;
  }

  public boolean isOwnChange(Map<?, ?> header) {
    Object origin = header.get("changeOrigin");
    if (origin instanceof String text) {
      for (String part : text.split(";")) {
        if (part.trim().equals("client=" + clientId)) {
          return true;
        }
      }
    }
    Object user = header.get("commitUser");
    return integrationUserId != null && user instanceof String id && sameId(id, integrationUserId);
  }

  private static boolean sameId(String a, String b) {
    return a.length() >= 15 && b.length() >= 15 && a.substring(0, 15).equals(b.substring(0, 15));
  }
}
