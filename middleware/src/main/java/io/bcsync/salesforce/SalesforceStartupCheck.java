package io.bcsync.salesforce;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.environment.EnvironmentGuardException;
import io.bcsync.salesforce.auth.SalesforceAuthException;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects at startup so the environment guard runs before any work: a guard refusal stops the
 * service with its message. An unreachable Salesforce does not stop it (the queue holds work; the
 * guard runs again on connect), and neither does a web-server configuration nobody has connected
 * yet.
 */
@Singleton
public class SalesforceStartupCheck implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceStartupCheck.class);

  private final SalesforceConfig config;
  private final SalesforceConnector connector;

  public SalesforceStartupCheck(SalesforceConfig config, SalesforceConnector connector) {
    this.config = config;
    this.connector = connector;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    if (!config.enabled()) {
      LOG.info(
          "Salesforce is not configured (bcsync.salesforce.auth-mode=none): nothing will be written to it");
      return;
    }
    try {
      connector.session();
    } catch (EnvironmentGuardException refused) {
      LOG.error(refused.getMessage());
      throw refused;
    } catch (SalesforceAuthException e) {
      if ("web-server".equals(config.authMode()) || e.isRetryable()) {
        LOG.warn("Salesforce not connected at startup: {}", e.getMessage());
        return;
      }
      throw e;
    } catch (Exception e) {
      LOG.warn(
          "Salesforce unreachable at startup; will connect (and check the org) on first use: {}",
          e.toString());
    }
  }
}
