package io.bcsync.salesforce.streaming;

import java.util.List;
import java.util.Map;

/**
 * A Streaming API message as delivered on a channel: CDC ({@code payload.ChangeEventHeader}) or a
 * platform event. Reads numbers as {@link Number}: with Jackson small replay ids arrive as Integer
 * (salesforce.md §0 item 12).
 */
record StreamEvent(String channel, Map<?, ?> data) {

  long replayId() {
    if (data.get("event") instanceof Map<?, ?> event
        && event.get("replayId") instanceof Number id) {
      return id.longValue();
    }
    throw new IllegalArgumentException("event on " + channel + " has no replayId");
  }

  Map<?, ?> payload() {
    return data.get("payload") instanceof Map<?, ?> payload ? payload : Map.of();
  }

  /** The CDC header, or null for a platform event. */
  Map<?, ?> changeHeader() {
    return payload().get("ChangeEventHeader") instanceof Map<?, ?> header ? header : null;
  }

  String entityName() {
    return String.valueOf(changeHeader().get("entityName"));
  }

  String changeType() {
    return String.valueOf(changeHeader().get("changeType"));
  }

  List<String> recordIds() {
    return changeHeader().get("recordIds") instanceof List<?> ids
        ? ids.stream().map(String::valueOf).toList()
        : List.of();
  }

  /** Commit time for CDC; 0 when unknown (then receipt time is used). */
  long commitTimestamp() {
    Map<?, ?> header = changeHeader();
    return header != null && header.get("commitTimestamp") instanceof Number n ? n.longValue() : 0;
  }

  String payloadText(String field) {
    Object value = payload().get(field);
    return value == null ? null : String.valueOf(value);
  }
}
