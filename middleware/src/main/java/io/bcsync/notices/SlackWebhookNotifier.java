package io.bcsync.notices;

import io.bcsync.config.StoreNoticeConfig;
import io.bcsync.sync.port.Notice;
import io.bcsync.sync.port.Notifier;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Adapter of {@link Notifier} for Slack: POSTs the Block Kit message ({@link SlackBlocks}) to the
 * store's incoming-webhook URL ({@code bcsync.notices.stores.<hash>.slack-webhook-url}).
 *
 * <p>Slack answers 200 {@code ok} when it took the message; its documented errors (docs.slack.dev,
 * "Sending messages using incoming webhooks", "Handling errors") are 400 {@code invalid_payload},
 * 403 {@code action_prohibited} / {@code invalid_token}, 404 {@code no_service} / {@code
 * channel_not_found}, 410 {@code channel_is_archived}: no retry helps, the notice is dead-lettered
 * with the status and Slack's word. 429 (rate limited), 5xx ({@code rollup_error}) and a failed
 * connection are retried with the queue's backoff. The URL is a secret: it is never logged and
 * never part of an error.
 */
@Singleton
public class SlackWebhookNotifier implements Notifier {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final Map<String, String> urls;
  private final HttpClient http;

  public SlackWebhookNotifier(List<StoreNoticeConfig> stores) {
    this.urls =
        stores.stream()
            .filter(s -> s.slackWebhookUrl() != null)
            .collect(
                Collectors.toMap(
                    StoreNoticeConfig::storeHash, StoreNoticeConfig::slackWebhookUrl, (a, b) -> a));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Notice.Channel channel() {
    return Notice.Channel.SLACK;
  }

  @Override
  public Delivery send(Notice notice) {
    String url = urls.get(notice.storeHash());
    if (url == null) {
      return Delivery.permanent(
          "store "
              + notice.storeHash()
              + " has no Slack webhook URL ("
              + StoreNoticeConfig.PREFIX
              + "."
              + notice.storeHash()
              + ".slack-webhook-url)");
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    SlackBlocks.message(notice), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Delivery.retry("Slack not reachable: " + hidden(url, e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Delivery.retry("interrupted while posting to Slack");
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return Delivery.SENT;
    }
    String error =
        "Slack answered " + status + " " + hidden(url, cut(response.body().strip(), 200));
    return status == 408 || status == 429 || status >= 500
        ? Delivery.retry(error)
        : Delivery.permanent(error);
  }

  /** Removes the secret URL (and its path, which is the secret part) from a message. */
  private static String hidden(String url, String message) {
    Function<String, String> drop = m -> m.replace(url, "<webhook URL>");
    String path = URI.create(url).getRawPath();
    String out = drop.apply(message);
    return path == null || path.length() < 2 ? out : out.replace(path, "<webhook path>");
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
