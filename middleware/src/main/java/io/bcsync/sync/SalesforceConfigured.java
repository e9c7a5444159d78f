package io.bcsync.sync;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;
import java.util.Locale;

/** True when a Salesforce connection is configured ({@code bcsync.salesforce.auth-mode} other than none). */
public class SalesforceConfigured implements Condition {
  @Override
  public boolean matches(ConditionContext context) {
    if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
      return false;
    }
    return properties.getProperty("bcsync.salesforce.auth-mode", String.class)
        .map(mode -> !mode.isBlank() && !"none".equals(mode.toLowerCase(Locale.ROOT)))
        .orElse(false);
  }
}
