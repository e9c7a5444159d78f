package io.bcsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.salesforce.auth.TokenProvider;
import io.bcsync.salesforce.soap.OrgInfo;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.SimulatorOptions;
import io.bcsync.sim.salesforce.auth.ConnectedApp;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JWT bearer and the environment guard, against simulated orgs (the web-server flow:
 * WebServerConnectTest).
 */
class SalesforceAuthAndGuardTest {
  static final String CALLBACK = "https://bcsync.example/salesforce/oauth/callback";

  private static Map<String, Object> base() {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @Test
  void jwt_bearer_token_feeds_the_soap_connection(@TempDir Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Path keyFile = dir.resolve("server.key");
    Files.writeString(
        keyFile,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    ConnectedApp app =
        new ConnectedApp(
            "jwt-consumer-key", "jwt-consumer-secret", CALLBACK, (RSAPublicKey) keys.getPublic());
    try (SalesforceSimulator sim =
        SimulatedSalesforce.start(SimulatedSalesforce.sandbox().connectedApp(app))) {
      Map<String, Object> properties = base();
      properties.put("bcsync.salesforce.login-url", sim.baseUrl());
      properties.put("bcsync.salesforce.auth-mode", "jwt");
      properties.put("bcsync.salesforce.client-id", app.clientId());
      properties.put("bcsync.salesforce.username", sim.integrationUser().username());
      properties.put("bcsync.salesforce.private-key-file", keyFile.toString());
      properties.put("bcsync.salesforce.org-id", sim.orgId());
      try (ApplicationContext context = ApplicationContext.run(properties)) {
        OrgInfo org = context.getBean(SalesforceConnector.class).session().org();
        assertThat(org.orgId()).isEqualTo(sim.orgId());
        assertThat(org.userId()).isEqualTo(sim.integrationUser().id());
        TokenProvider tokens = context.getBean(TokenProvider.class);
        assertThat(tokens.current().toString()).doesNotContain(tokens.current().accessToken());

        // a revoked token is replaced by minting a new assertion (JWT bearer has no refresh token)
        String first = context.getBean(SalesforceConnector.class).session().sessionId();
        sim.revokeToken(first);
        String userId =
            context
                .getBean(SalesforceConnector.class)
                .session()
                .<String>call(c -> c.getUserInfo().getUserId());
        assertThat(userId).isEqualTo(sim.integrationUser().id());
        assertThat(tokens.renewals()).isEqualTo(1);
      }
    }
  }

  @Test
  void staging_refuses_to_start_against_a_production_org() {
    try (SalesforceSimulator production =
        SalesforceSimulator.start(
            SimulatorOptions.defaults()
                .metadata(SimulatedSalesforce.packageMetadata())
                .sandbox(false))) {
      Map<String, Object> properties = base();
      properties.putAll(SimulatedSalesforce.passwordLogin(production));
      assertThatThrownBy(() -> ApplicationContext.run(properties).close())
          .hasStackTraceContaining("is a production org and this is a staging environment")
          .hasStackTraceContaining(production.orgId());

      // the same org is fine for production
      properties.put("bcsync.environment", "production");
      try (ApplicationContext context = ApplicationContext.run(properties)) {
        assertThat(context.getBean(SalesforceConnector.class).session().org().sandbox()).isFalse();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void production_refuses_a_sandbox_unless_allowed_and_a_configured_org_id_must_match()
      throws Exception {
    try (SalesforceSimulator sandbox = SimulatedSalesforce.start(SimulatedSalesforce.sandbox())) {
      Map<String, Object> properties = base();
      properties.putAll(SimulatedSalesforce.passwordLogin(sandbox));
      properties.put("bcsync.environment", "production");
      assertThatThrownBy(() -> ApplicationContext.run(properties).close())
          .hasStackTraceContaining("is a sandbox and this is the production environment")
          .hasStackTraceContaining("allow-sandbox-in-production");

      properties.put("bcsync.salesforce.allow-sandbox-in-production", "true");
      try (ApplicationContext context = ApplicationContext.run(properties)) {
        assertThat(context.getBean(SalesforceConnector.class).session().org().sandbox()).isTrue();
      }

      properties.put("bcsync.salesforce.org-id", "00D000000000001AAA");
      assertThatThrownBy(() -> ApplicationContext.run(properties).close())
          .hasStackTraceContaining("is not the configured org 00D000000000001AAA");
    }
  }

  @Test
  void a_staging_service_refuses_stores_that_are_not_allow_listed() {
    Map<String, Object> properties = base();
    properties.put(
        "bcsync.bigcommerce.stores.livestore1.webhook-secret", "another-secret-0123456789");
    assertThatThrownBy(() -> ApplicationContext.run(properties).close())
        .hasStackTraceContaining("Store livestore1 is not allowed in the staging environment");
  }
}
