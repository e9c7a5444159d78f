package io.bcsync.config;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** The opposite of {@link SalesforceConfigured}: {@code bcsync.salesforce.auth-mode} is none. */
public final class SalesforceNotConfigured implements Condition {
  private final SalesforceConfigured configured = new SalesforceConfigured();

  @Override
  public boolean matches(ConditionContext context) {
    return !configured.matches(context);
  }
}
