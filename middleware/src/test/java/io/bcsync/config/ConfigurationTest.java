package io.bcsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Startup fails fast on bad configuration, naming the key, and secrets never show in text. */
class ConfigurationTest {

  private static Map<String, Object> valid() {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  private static ApplicationContext start(Map<String, Object> properties) {
    return ApplicationContext.run(properties);
  }

  @Test
  void a_valid_configuration_starts() {
    try (ApplicationContext context = start(valid())) {
      assertThat(context.getBean(BcsyncConfig.class).environment()).isEqualTo("staging");
      assertThat(context.getBean(PipelineConfig.class).dedupeWindow())
          .isEqualTo(Duration.ofMinutes(10));
      assertThat(context.getBean(PipelineConfig.class).failureRetention())
          .isEqualTo(Duration.ofDays(30));
      assertThat(context.getBean(BigCommerceConfig.class).apiUrl())
          .isEqualTo("https://api.bigcommerce.com");
    }
  }

  @Test
  void an_unknown_environment_stops_startup_naming_the_key() {
    Map<String, Object> properties = valid();
    properties.put("bcsync.environment", "prod");
    assertThatThrownBy(() -> start(properties).close())
        .hasStackTraceContaining(
            "bcsync.environment must be 'staging' or 'production', was 'prod'");
  }

  @Test
  void an_unknown_metrics_auth_stops_startup_naming_the_key() {
    Map<String, Object> properties = valid();
    properties.put("bcsync.management.metrics-auth", "open");
    assertThatThrownBy(() -> start(properties).close())
        .hasStackTraceContaining(
            "bcsync.management.metrics-auth must be 'admin-token' or 'none', was 'open'");
  }

  @Test
  void a_missing_admin_token_stops_startup_naming_the_key() {
    Map<String, Object> properties = valid();
    properties.remove("bcsync.admin-token");
    assertThatThrownBy(() -> start(properties).close())
        .hasStackTraceContaining("bcsync.admin-token is required");
  }

  @Test
  void an_invalid_url_or_tuning_value_stops_startup_naming_the_key() {
    Map<String, Object> badUrl = valid();
    badUrl.put("bcsync.bigcommerce.api-url", "api.bigcommerce.com");
    assertThatThrownBy(() -> start(badUrl).close())
        .hasStackTraceContaining("bcsync.bigcommerce.api-url must be");

    Map<String, Object> badTuning = valid();
    badTuning.put("bcsync.pipeline.max-attempts", "0");
    assertThatThrownBy(() -> start(badTuning).close())
        .hasStackTraceContaining("bcsync.pipeline.max-attempts must be positive");

    Map<String, Object> badRetention = valid();
    badRetention.put("bcsync.pipeline.failure-retention", "0s");
    assertThatThrownBy(() -> start(badRetention).close())
        .hasStackTraceContaining(
            "bcsync.pipeline.failure-retention must be a positive duration, was PT0S");
  }

  @Test
  void salesforce_auth_mode_requires_its_credentials() {
    Map<String, Object> properties = valid();
    properties.put("bcsync.salesforce.auth-mode", "jwt");
    properties.put("bcsync.salesforce.client-id", "consumer-key");
    assertThatThrownBy(() -> start(properties).close())
        .hasStackTraceContaining("bcsync.salesforce.username");
  }

  @Test
  void a_store_without_a_webhook_secret_stops_startup() {
    Map<String, Object> properties = valid();
    properties.put("bcsync.bigcommerce.stores.abc123.access-token", "token");
    assertThatThrownBy(() -> start(properties).close())
        .hasStackTraceContaining("bcsync.bigcommerce.stores.abc123.webhook-secret is required");
  }

  @Test
  void secrets_are_masked_in_text() {
    var salesforce =
        new SalesforceConfig(
            "https://test.salesforce.com",
            "password",
            null,
            "cs-secret-value",
            "user@example.com",
            null,
            "hunter2-password",
            "token-value-xyz",
            "bcsync",
            null,
            false,
            null,
            "encryption-key-value",
            List.of("previous-key-value"),
            "next-key-value");
    var bigCommerce =
        new BigCommerceConfig(
            "https://api.bigcommerce.com",
            "https://login.bigcommerce.com",
            "id",
            "bc-client-secret-value",
            "https://api-b2b.bigcommerce.com");
    var service = new BcsyncConfig("production", false, "admin-token-secret-value");
    var store = new StoreConfig("abc123", "webhook-secret-value-123", "access-token-value");
    String text = salesforce + " " + bigCommerce + " " + service + " " + store;
    assertThat(text)
        .doesNotContain(
            "cs-secret-value",
            "hunter2-password",
            "token-value-xyz",
            "bc-client-secret-value",
            "admin-token-secret-value",
            "webhook-secret-value-123",
            "access-token-value",
            "encryption-key-value",
            "previous-key-value",
            "next-key-value")
        .contains("****", "user@example.com", "abc123");
  }
}
