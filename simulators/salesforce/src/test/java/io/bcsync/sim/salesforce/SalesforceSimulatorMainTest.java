package io.bcsync.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SalesforceSimulatorMainTest {

    @Test
    void flags_map_to_options() throws Exception {
        SimulatorOptions options = SalesforceSimulatorMain.parse(new String[] {"--port", "0", "--host", "127.0.0.1", "--sandbox",
                "--metadata", TestOrgs.fixtureMetadata().toString(), "--event-retention-hours", "24", "--daily-api-limit", "50",
                "--user", "dev@example.com:pw:TOKEN"});

        assertThat(options.port).isZero();
        assertThat(options.sandbox).isTrue();
        assertThat(options.eventRetention).isEqualTo(Duration.ofHours(24));
        assertThat(options.dailyApiLimit).isEqualTo(50);
        assertThat(options.users).anyMatch(u -> u.username().equals("dev@example.com") && u.acceptsSoapPassword("pwTOKEN"));
        try (SalesforceSimulator sim = SalesforceSimulator.start(options)) {
            assertThat(sim.isSandbox()).isTrue();
            assertThat(sim.schema().type("Sync_Log__c")).isPresent();
        }
    }

    @Test
    void unknown_flag_is_rejected_with_usage() {
        assertThatThrownBy(() -> SalesforceSimulatorMain.parse(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Usage");
    }
}
