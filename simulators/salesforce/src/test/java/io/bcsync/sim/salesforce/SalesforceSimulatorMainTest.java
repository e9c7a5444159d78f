package io.bcsync.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SalesforceSimulatorMainTest {

  @Test
  void flags_map_to_options() throws Exception {
    SimulatorOptions options =
        SalesforceSimulatorMain.parse(
            new String[] {
              "--port",
              "0",
              "--host",
              "127.0.0.1",
              "--sandbox",
              "--metadata",
              TestOrgs.fixtureMetadata().toString(),
              "--event-retention-hours",
              "24",
              "--daily-api-limit",
              "50",
              "--user",
              "dev@example.com:pw:TOKEN"
            });

    assertThat(options.port).isZero();
    assertThat(options.sandbox).isTrue();
    assertThat(options.eventRetention).isEqualTo(Duration.ofHours(24));
    assertThat(options.dailyApiLimit).isEqualTo(50);
    assertThat(options.users)
        .anyMatch(u -> u.username().equals("dev@example.com") && u.acceptsSoapPassword("pwTOKEN"));
    try (SalesforceSimulator sim = SalesforceSimulator.start(options)) {
      assertThat(sim.isSandbox()).isTrue();
      assertThat(sim.schema().type("Sync_Log__c")).isPresent();
    }
  }

  @Test
  void demo_jwt_key_replaces_the_default_apps_key(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path key = dir.resolve("demo.key");

    SimulatorOptions options =
        SalesforceSimulatorMain.parse(
            new String[] {"--port", "0", "--jwt-demo-key-out", key.toString()});

    assertThat(java.nio.file.Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(options.connectedApps)
        .singleElement()
        .satisfies(
            app -> {
              assertThat(app.clientId())
                  .isEqualTo(SimulatorOptions.DEFAULT_CONNECTED_APP.clientId());
              assertThat(app.jwtPublicKey()).isNotNull();
            });
  }

  @Test
  void unknown_flag_is_rejected_with_usage() {
    assertThatThrownBy(() -> SalesforceSimulatorMain.parse(new String[] {"--bogus", "1"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Usage");
  }
}
