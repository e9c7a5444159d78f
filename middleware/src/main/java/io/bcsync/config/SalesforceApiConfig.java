package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * How bcsync calls the Partner SOAP API.
 *
 * @param batchSize records per create/update/upsert call; Salesforce fails a whole call above 200
 * @param apiReservePercent below this share of the daily API allocation left, writers slow down
 * @param throttleDelay the pause before each call while below the reserve
 * @param lockRetries in-process retries of a call that failed with UNABLE_TO_LOCK_ROW or
 *     SERVER_UNAVAILABLE before the items go back to the durable queue
 * @param objectOrder write order by sObject type, parents first; types not listed are written after
 *     these
 */
@ConfigurationProperties(SalesforceApiConfig.PREFIX)
public record SalesforceApiConfig(
    @Bindable(defaultValue = "10s") Duration connectTimeout,
    @Bindable(defaultValue = "120s") Duration readTimeout,
    @Bindable(defaultValue = "200") int batchSize,
    @Bindable(defaultValue = "10") int apiReservePercent,
    @Bindable(defaultValue = "2s") Duration throttleDelay,
    @Bindable(defaultValue = "2") int lockRetries,
    @Bindable(defaultValue = "250ms") Duration lockRetryDelay,
    @Nullable List<String> objectOrder) {

  public static final String PREFIX = "bcsync.salesforce.api";
  public static final int MAX_BATCH_SIZE = 200;
  public static final List<String> DEFAULT_OBJECT_ORDER =
      List.of(
          "BC_Store__c",
          "Account",
          "Contact",
          "Product2",
          "Pricebook2",
          "PricebookEntry",
          "Order",
          "OrderItem",
          "BC_Order__c",
          "BC_Order_Line__c",
          "Opportunity",
          "OpportunityLineItem",
          "Case");

  public SalesforceApiConfig {
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new InvalidConfigurationException(
          PREFIX + ".batch-size", "must be between 1 and " + MAX_BATCH_SIZE);
    }
    if (apiReservePercent < 0 || apiReservePercent >= 100) {
      throw new InvalidConfigurationException(
          PREFIX + ".api-reserve-percent", "must be between 0 and 99");
    }
    if (lockRetries < 0) {
      throw new InvalidConfigurationException(PREFIX + ".lock-retries", "must not be negative");
    }
    if (connectTimeout.isZero() || readTimeout.isZero()) {
      // force-wsc treats 0 as "wait forever" (salesforce.md A.4)
      throw new InvalidConfigurationException(
          PREFIX + ".read-timeout", "timeouts must be positive");
    }
    objectOrder =
        objectOrder == null || objectOrder.isEmpty()
            ? DEFAULT_OBJECT_ORDER
            : List.copyOf(objectOrder);
  }
}
