package io.bcsync.config;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;
import java.util.Locale;

/**
 * True when {@code bcsync.salesforce.auth-mode} names a grant (anything but the default {@code
 * none}). A plain {@code @Requires(notEquals = "none")} would also pass when the key is absent,
 * i.e. exactly when Salesforce is not configured.
 */
public final class SalesforceConfigured implements Condition {
  @Override
  public boolean matches(ConditionContext context) {
    if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
      return false;
    }
    return properties
        .getProperty("bcsync.salesforce.auth-mode", String.class)
        .map(mode -> !mode.isBlank() && !"none".equals(mode.strip().toLowerCase(Locale.ROOT)))
        .orElse(false);
  }
}
