package io.bcsync.salesforce;

import io.bcsync.config.SalesforceApiConfig;
import io.bcsync.config.SalesforceConfig;
import io.bcsync.salesforce.auth.CredentialStore;
import io.bcsync.salesforce.auth.JwtBearerGrant;
import io.bcsync.salesforce.auth.OAuthTokenEndpoint;
import io.bcsync.salesforce.auth.RefreshTokenGrant;
import io.bcsync.salesforce.auth.SalesforceAuthException;
import io.bcsync.salesforce.auth.SoapPasswordGrant;
import io.bcsync.salesforce.auth.TokenGrant;
import io.bcsync.salesforce.auth.TokenProvider;
import io.bcsync.salesforce.guard.OrgGuard;
import io.bcsync.salesforce.soap.ApiUsageGovernor;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.writer.SalesforceWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires the Salesforce connection from configuration: one grant, one token provider, one connector.
 */
@Factory
public class SalesforceBeans {

  @Singleton
  OAuthTokenEndpoint tokenEndpoint(SalesforceConfig config, SalesforceApiConfig api) {
    // A token request is small and quick: twice the connect timeout, not the long SOAP read
    // timeout.
    return new OAuthTokenEndpoint(config.loginUrl(), api.connectTimeout().multipliedBy(2));
  }

  @Singleton
  TokenGrant tokenGrant(
      SalesforceConfig config,
      SalesforceApiConfig api,
      OAuthTokenEndpoint endpoint,
      CredentialStore credentials) {
    return switch (config.authMode()) {
      case "jwt" ->
          new JwtBearerGrant(
              endpoint,
              config.loginUrl(),
              config.clientId(),
              config.username(),
              Path.of(config.privateKeyFile()),
              Clock.systemUTC());
      case "web-server" ->
          new RefreshTokenGrant(endpoint, credentials, config.clientId(), config.clientSecret());
      case "password" ->
          new SoapPasswordGrant(
              config.loginUrl(),
              config.username(),
              config.password(),
              config.securityToken(),
              api.readTimeout());
      default ->
          new TokenGrant() {
            @Override
            public io.bcsync.salesforce.auth.SalesforceToken obtain() {
              throw new SalesforceAuthException(
                  "Salesforce is not configured (bcsync.salesforce.auth-mode=none)", false, null);
            }

            @Override
            public String name() {
              return "none";
            }
          };
    };
  }

  @Singleton
  TokenProvider tokenProvider(TokenGrant grant) {
    return new TokenProvider(grant);
  }

  @Singleton
  ApiUsageGovernor.Pause pause() {
    return duration -> {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  @Singleton
  ApiUsageGovernor apiUsageGovernor(
      SalesforceApiConfig api, MeterRegistry registry, ApiUsageGovernor.Pause pause) {
    return new ApiUsageGovernor(api, registry, pause);
  }

  @Singleton
  SalesforceConnector connector(
      SalesforceConfig config,
      SalesforceApiConfig api,
      TokenProvider tokens,
      OrgGuard guard,
      ApiUsageGovernor governor) {
    return new SalesforceConnector(config, api, tokens, guard, governor);
  }

  @Singleton
  SalesforceWriter writer(
      SalesforceConnector connector, SalesforceApiConfig api, ApiUsageGovernor.Pause pause) {
    return new SalesforceWriter(connector, api, pause);
  }
}
