package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Tuning of webhook intake and the durable work queue.
 *
 * @param workers threads claiming and processing batches in this instance
 * @param batchSize most work items handed to the handler at once (Salesforce takes 200 records per
 *     call)
 * @param idlePollInterval how often an idle worker looks for due work when nothing woke it
 * @param leaseTimeout how long a claim stays valid unless renewed; a crashed worker's items return
 *     to the queue after it (and the next lease recovery)
 * @param maxAttempts attempts before a retryable failure is dead-lettered
 * @param backoffInitial delay before the first retry; doubles per attempt with full jitter
 * @param backoffMax upper bound of a retry delay
 * @param dedupeWindow how long a webhook's producer, scope, resource id, hash and created_at mark a
 *     repeat as a duplicate (longer for a callback on the secret header alone: webhookMaxAge)
 * @param maxBodyBytes webhook bodies above this are refused with 413
 * @param signatureTolerance accepted clock skew of a Standard Webhooks timestamp
 * @param webhookSecretCacheTtl how long a store's webhook secret (or its absence) is remembered
 *     after a lookup, so unauthenticated callbacks do not each read the database
 * @param webhookMaxAge oldest {@code created_at} accepted from a callback authenticated by the
 *     store secret header alone (a signed one has its own timestamp check); longer than
 *     BigCommerce's retry schedule (about 48 hours), so its retries are not refused; such a
 *     callback's dedupe key is kept until then, so a copy of it is a duplicate, never a new event
 * @param requireSignedWebhooks when the app's client secret is configured, callbacks of
 *     app-installed stores must carry a valid Standard Webhooks signature; off only if BigCommerce
 *     turns out not to sign them as documented
 * @param leaseRecoveryInterval how often the cluster-wide job returns expired claims to the queue
 * @param leaseRenewalInterval how often a running batch renews its claims (and customer claims):
 *     well under the lease timeout, so a live worker's lease never lapses mid-batch
 * @param failureRetention how long failed attempts ({@code work_item_failure}) of items that have
 *     ended are kept for the failed-records page
 * @param historyRetention how long finished work items ({@code DONE}, {@code SKIPPED}, {@code
 *     SUPERSEDED}) are kept with their webhook events and failed attempts (record timeline,
 *     activity counts); at least {@code webhookMaxAge}, because a stored event's webhook id is what
 *     refuses a late redelivery of it. Dead letters and open items are kept whatever their age.
 */
@ConfigurationProperties(PipelineConfig.PREFIX)
public record PipelineConfig(
    @Bindable(defaultValue = "2") int workers,
    @Bindable(defaultValue = "400") int batchSize,
    @Bindable(defaultValue = "500ms") Duration idlePollInterval,
    @Bindable(defaultValue = "20s") Duration leaseTimeout,
    @Bindable(defaultValue = "8") int maxAttempts,
    @Bindable(defaultValue = "5s") Duration backoffInitial,
    @Bindable(defaultValue = "1h") Duration backoffMax,
    @Bindable(defaultValue = "10m") Duration dedupeWindow,
    @Bindable(defaultValue = "65536") int maxBodyBytes,
    @Bindable(defaultValue = "5m") Duration signatureTolerance,
    @Bindable(defaultValue = "5s") Duration leaseRecoveryInterval,
    @Bindable(defaultValue = "5s") Duration leaseRenewalInterval,
    @Bindable(defaultValue = "30s") Duration webhookSecretCacheTtl,
    @Bindable(defaultValue = "72h") Duration webhookMaxAge,
    @Bindable(defaultValue = "true") boolean requireSignedWebhooks,
    @Bindable(defaultValue = "30d") Duration failureRetention,
    @Bindable(defaultValue = "30d") Duration historyRetention) {

  public static final String PREFIX = "bcsync.pipeline";

  public PipelineConfig {
    requirePositive(workers, "workers");
    requirePositive(batchSize, "batch-size");
    requirePositive(maxAttempts, "max-attempts");
    requirePositive(maxBodyBytes, "max-body-bytes");
    requirePositive(idlePollInterval, "idle-poll-interval");
    requirePositive(leaseTimeout, "lease-timeout");
    requirePositive(backoffInitial, "backoff-initial");
    requirePositive(dedupeWindow, "dedupe-window");
    requirePositive(signatureTolerance, "signature-tolerance");
    requirePositive(leaseRecoveryInterval, "lease-recovery-interval");
    requirePositive(leaseRenewalInterval, "lease-renewal-interval");
    requirePositive(webhookSecretCacheTtl, "webhook-secret-cache-ttl");
    requirePositive(webhookMaxAge, "webhook-max-age");
    requirePositive(failureRetention, "failure-retention");
    requirePositive(historyRetention, "history-retention");
    if (historyRetention.compareTo(webhookMaxAge) < 0) {
      throw new InvalidConfigurationException(
          PREFIX + ".history-retention",
          "must not be shorter than webhook-max-age ("
              + webhookMaxAge
              + "): a stored event's webhook id refuses a late redelivery of it; was "
              + historyRetention);
    }
    if (leaseRenewalInterval.multipliedBy(2).compareTo(leaseTimeout) > 0) {
      throw new InvalidConfigurationException(
          PREFIX + ".lease-renewal-interval",
          "must be at most half of lease-timeout ("
              + leaseTimeout
              + ") so one late renewal does not lose the lease; was "
              + leaseRenewalInterval);
    }
    if (backoffMax.compareTo(backoffInitial) < 0) {
      throw new InvalidConfigurationException(
          PREFIX + ".backoff-max", "must not be shorter than backoff-initial");
    }
  }

  private static void requirePositive(int value, String key) {
    if (value <= 0) {
      throw new InvalidConfigurationException(PREFIX + "." + key, "must be positive, was " + value);
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new InvalidConfigurationException(
          PREFIX + "." + key, "must be a positive duration, was " + value);
    }
  }
}
