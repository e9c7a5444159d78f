package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * The reconciliation poll (issue 17): every {@code interval} the streaming leader (one instance per
 * cluster) queries each object's records by {@code SystemModstamp} since its previous poll (less a
 * margin) and enqueues the ones no flow has read at that stamp yet, as the same work items change
 * events make. It catches what streaming missed: downtime, an expired replay id, a GAP event. Bound
 * from {@code bcsync.salesforce.reconciliation-poll.*}.
 *
 * @param interval time between two polls of an object; zero turns the poll off
 * @param objects the objects polled: those the Salesforce → BigCommerce flows write
 */
@ConfigurationProperties(ReconciliationPollConfig.PREFIX)
public record ReconciliationPollConfig(
    @Bindable(defaultValue = "5m") Duration interval,
    @Bindable(defaultValue = "PricebookEntry,Product2,Contact") List<String> objects) {

  public static final String PREFIX = "bcsync.salesforce.reconciliation-poll";

  public ReconciliationPollConfig {
    if (interval == null || interval.isNegative()) {
      throw new InvalidConfigurationException(PREFIX + ".interval", "must be zero or positive");
    }
    objects = objects == null ? List.of() : List.copyOf(objects);
    for (String object : objects) {
      // Put into SOQL as it is: only an object's API name is accepted.
      if (!object.matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
        throw new InvalidConfigurationException(
            PREFIX + ".objects", "'" + object + "' is not an object's API name");
      }
    }
  }

  public boolean enabled() {
    return !interval.isZero() && !objects.isEmpty();
  }
}
