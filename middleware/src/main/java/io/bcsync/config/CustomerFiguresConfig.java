package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.math.BigDecimal;

/**
 * Per-customer figures (issue 15). The segment written to a customer's Contact and household
 * Account ({@code BC_Segment__c}), from the figures the sync recomputes: {@code vipLabel} at or
 * above {@code vipRevenue} of lifetime revenue, else {@code atRiskLabel} when the last order is
 * more than {@code atRiskDays} days old, else {@code standardLabel}, evaluated when the customer's
 * figures are written (with an order) and by the At Risk sweep for customers without a new order
 * (customers/AtRiskSweep); {@code topCategories} names ranked in {@code BC_Top_Categories__c}.
 */
@ConfigurationProperties(CustomerFiguresConfig.PREFIX)
public record CustomerFiguresConfig(
    @Bindable(defaultValue = "1000") BigDecimal vipRevenue,
    @Bindable(defaultValue = "180") int atRiskDays,
    @Bindable(defaultValue = "VIP") String vipLabel,
    @Bindable(defaultValue = "At Risk") String atRiskLabel,
    @Bindable(defaultValue = "Standard") String standardLabel,
    @Bindable(defaultValue = "3") int topCategories) {

  public static final String PREFIX = "bcsync.sync.customer-figures";

  public CustomerFiguresConfig {
    if (vipRevenue == null || vipRevenue.signum() < 0) {
      throw new InvalidConfigurationException(PREFIX + ".vip-revenue", "must not be negative");
    }
    if (atRiskDays < 1) {
      throw new InvalidConfigurationException(PREFIX + ".at-risk-days", "must be at least 1");
    }
    for (String label : new String[] {vipLabel, atRiskLabel, standardLabel}) {
      if (label == null || label.isBlank()) {
        throw new InvalidConfigurationException(PREFIX + ".*-label", "must not be blank");
      }
    }
    if (topCategories < 0) {
      throw new InvalidConfigurationException(PREFIX + ".top-categories", "must not be negative");
    }
  }
}
