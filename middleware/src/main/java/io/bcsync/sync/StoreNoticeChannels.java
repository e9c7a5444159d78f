package io.bcsync.sync;

import io.bcsync.config.SmtpConfig;
import io.bcsync.config.StoreConfig;
import io.bcsync.config.StoreNoticeConfig;
import io.bcsync.sync.rules.NoticeChannels;
import io.micronaut.context.env.Environment;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which notice channels each store has configured, for {@link SyncConfigs}' startup check. */
final class StoreNoticeChannels {
  private final Map<String, StoreNoticeConfig> byStore;
  private final SmtpConfig smtp;

  StoreNoticeChannels(List<StoreNoticeConfig> notices, SmtpConfig smtp) {
    this.byStore =
        notices.stream()
            .collect(Collectors.toMap(StoreNoticeConfig::storeHash, Function.identity()));
    this.smtp = smtp;
  }

  NoticeChannels of(String storeHash) {
    StoreNoticeConfig store = byStore.get(storeHash);
    return new NoticeChannels(
        store == null || store.slackWebhookUrl() == null
            ? "store "
                + storeHash
                + " has no Slack webhook URL: set "
                + StoreNoticeConfig.PREFIX
                + "."
                + storeHash
                + ".slack-webhook-url"
            : null,
        emailMissing());
  }

  /**
   * The channels every configured store without its own mapping file has (those use the default
   * mapping). With no such store the check is left to run time: a store installed through the app
   * has no configuration to check against, and its notices are dead-lettered with the reason.
   */
  NoticeChannels ofStoresWithout(Environment environment, List<StoreConfig> stores) {
    TreeSet<String> lacking = new TreeSet<>();
    for (StoreConfig store : stores) {
      boolean ownFile =
          environment
              .getProperty(
                  StoreConfig.PREFIX + "." + store.storeHash() + ".sync-mapping", String.class)
              .filter(f -> !f.isBlank())
              .isPresent();
      if (!ownFile && of(store.storeHash()).slackMissing() != null) {
        lacking.add(store.storeHash());
      }
    }
    return new NoticeChannels(
        lacking.isEmpty()
            ? null
            : "stores "
                + lacking
                + " use the default mapping but have no Slack webhook URL: set "
                + StoreNoticeConfig.PREFIX
                + ".<store>.slack-webhook-url",
        emailMissing());
  }

  private String emailMissing() {
    return smtp != null && smtp.configured()
        ? null
        : "no SMTP server: set " + SmtpConfig.PREFIX + ".host and .from";
  }
}
