package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Lets the items of some entity types gather before the background workers claim them, so that a
 * burst is claimed in full batches (one Salesforce re-read, full BigCommerce write and read pages
 * per batch) whatever the speed of the workers (docs/pipeline.md, "Gathering"). Bound from {@code
 * bcsync.pipeline.gathering.*}.
 *
 * @param types entity types whose due items gather, per tenant (a store, or a Salesforce org);
 *     empty turns gathering off. Defaults: what the Salesforce → BigCommerce flows take and the
 *     webhooks their writes fire (product, customer), whose echo checks read in pages
 * @param quietPeriod a gathering group is claimed once no new item has joined it for this long (a
 *     burst has paused or ended); also the delay a lone change waits
 * @param maxWait ... or once it has gathered this long, so a steady stream is still claimed in
 *     bounded time; a group holding a full batch ({@code batch-size}) is claimed at once
 */
@ConfigurationProperties(GatheringConfig.PREFIX)
public record GatheringConfig(
    @Bindable(defaultValue = GatheringConfig.DEFAULT_TYPES) List<String> types,
    @Bindable(defaultValue = "300ms") Duration quietPeriod,
    @Bindable(defaultValue = "3s") Duration maxWait) {

  public static final String PREFIX = "bcsync.pipeline.gathering";
  public static final String DEFAULT_TYPES = "product,customer,PricebookEntry,Product2,Contact";

  public GatheringConfig {
    // An empty value (BCSYNC_PIPELINE_GATHERING_TYPES=) may bind as one blank entry: none.
    types =
        types == null
            ? List.of()
            : types.stream().map(String::strip).filter(type -> !type.isEmpty()).toList();
    for (String type : types) {
      if (!type.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
        throw new InvalidConfigurationException(
            PREFIX + ".types", "'" + type + "' is not an entity type");
      }
    }
    if (quietPeriod == null || quietPeriod.isNegative() || quietPeriod.isZero()) {
      throw new InvalidConfigurationException(
          PREFIX + ".quiet-period", "must be a positive duration, was " + quietPeriod);
    }
    if (maxWait == null || maxWait.compareTo(quietPeriod) < 0) {
      throw new InvalidConfigurationException(
          PREFIX + ".max-wait",
          "must not be shorter than quiet-period (" + quietPeriod + "), was " + maxWait);
    }
  }

  public boolean enabled() {
    return !types.isEmpty();
  }
}
