package io.bcsync.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A store's notice settings (docs/order-rules.md, "Notices"), bound from {@code
 * bcsync.notices.stores.<store-hash>.*}.
 *
 * @param slackWebhookUrl the Slack incoming-webhook URL the store's {@code notify_slack} rules post
 *     to. A secret (whoever has it can post to the channel): shown as {@code ****}, never logged,
 *     and never part of an error message.
 */
@EachProperty(StoreNoticeConfig.PREFIX)
public record StoreNoticeConfig(@Parameter String storeHash, @Nullable String slackWebhookUrl) {
  public static final String PREFIX = "bcsync.notices.stores";

  public StoreNoticeConfig {
    if (slackWebhookUrl != null && !slackWebhookUrl.isBlank()) {
      String key = PREFIX + "." + storeHash + ".slack-webhook-url";
      try {
        URI uri = new URI(slackWebhookUrl.trim());
        boolean https = "https".equals(uri.getScheme());
        // Plain http only for a catcher on this machine (the demo, tests): anything else would send
        // the secret URL's path in clear text.
        boolean local =
            "http".equals(uri.getScheme())
                && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
        if (uri.getHost() == null || !(https || local)) {
          throw new InvalidConfigurationException(
              key, "must be an https URL (http only for localhost); value not shown");
        }
      } catch (URISyntaxException e) {
        throw new InvalidConfigurationException(key, "is not a URL; value not shown");
      }
      slackWebhookUrl = slackWebhookUrl.trim();
    } else {
      slackWebhookUrl = null;
    }
  }

  @Override
  public String toString() {
    return "StoreNoticeConfig[storeHash="
        + storeHash
        + ", slackWebhookUrl="
        + Secrets.mask(slackWebhookUrl)
        + "]";
  }
}
