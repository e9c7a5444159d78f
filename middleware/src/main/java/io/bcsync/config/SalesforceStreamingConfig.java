package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Streaming API subscriber (CDC and platform events).
 *
 * @param enabled subscribe from this instance (one instance at a time holds the lease and
 *     subscribes)
 * @param channels the channels to subscribe to
 * @param leaseTtl how long a leader's lease lasts without renewal; bounds the takeover time after a
 *     crash
 * @param leaseCheckInterval how often every instance renews or tries to take the lease (well below
 *     leaseTtl)
 * @param replayWarnAge warn when a stored replay id is older than this (Salesforce retains events
 *     for 72 h)
 * @param dailyLimitBackoff how long to stay away after "Organization total events daily limit
 *     exceeded"
 * @param integrationUserId the user id whose commits are our own; learned from getUserInfo when
 *     unset
 */
@ConfigurationProperties(SalesforceStreamingConfig.PREFIX)
public record SalesforceStreamingConfig(
    @Bindable(defaultValue = "false") boolean enabled,
    @Nullable List<String> channels,
    @Bindable(defaultValue = "30s") Duration leaseTtl,
    @Bindable(defaultValue = "10s") Duration leaseCheckInterval,
    @Bindable(defaultValue = "60h") Duration replayWarnAge,
    @Bindable(defaultValue = "1h") Duration dailyLimitBackoff,
    @Nullable String integrationUserId) {

  public static final String PREFIX = "bcsync.salesforce.streaming";

  /**
   * The package's CDC selections (sfdx-package/force-app/.../platformEventChannelMembers) and its
   * request event.
   */
  public static final List<String> DEFAULT_CHANNELS =
      List.of(
          "/data/ContactChangeEvent",
          "/data/AccountChangeEvent",
          "/data/Product2ChangeEvent",
          "/data/PricebookEntryChangeEvent",
          "/event/BC_Sync_Request__e");

  public SalesforceStreamingConfig {
    channels = channels == null || channels.isEmpty() ? DEFAULT_CHANNELS : List.copyOf(channels);
    for (String channel : channels) {
      if (!channel.matches("/(data|event)/[A-Za-z0-9_]+")) {
        throw new InvalidConfigurationException(
            PREFIX + ".channels", "'" + channel + "' is not a /data/ or /event/ channel");
      }
    }
    if (leaseCheckInterval.compareTo(leaseTtl) >= 0) {
      throw new InvalidConfigurationException(
          PREFIX + ".lease-check-interval", "must be shorter than lease-ttl");
    }
  }

  /**
   * The object a single-object change-event channel carries: {@code /data/ContactChangeEvent} →
   * {@code Contact}, {@code /data/Thing__ChangeEvent} → {@code Thing__c}. Empty for platform-event
   * channels and for channels that carry several objects ({@code /data/ChangeEvents}, a custom
   * {@code __chn} channel).
   */
  public static Optional<String> changedObjectOf(String channel) {
    if (!channel.startsWith("/data/")
        || !channel.endsWith("ChangeEvent")
        || channel.equals("/data/ChangeEvents")) {
      return Optional.empty();
    }
    String name = channel.substring("/data/".length(), channel.length() - "ChangeEvent".length());
    return Optional.of(name.endsWith("__") ? name + "c" : name);
  }
}
