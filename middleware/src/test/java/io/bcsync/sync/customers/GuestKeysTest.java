package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.GuestKeyConfig;
import io.bcsync.config.InvalidConfigurationException;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestKeysTest {
  static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);
  static final String OTHER_SECRET =
      Base64.getEncoder().encodeToString("another secret of 32 bytes......".getBytes());

  private static String sha256Prefix(String email) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  private static GuestKeys keyed(String secret) {
    return new GuestKeys(Base64.getDecoder().decode(secret));
  }

  @Test
  void a_keyed_id_is_no_hash_of_the_email_anyone_can_compute_and_depends_on_the_secret()
      throws Exception {
    String email = "jo@example.com";

    String id = keyed(SECRET).idOf(email);

    assertThat(id).hasSize(32).matches("[0-9a-f]+").isNotEqualTo(sha256Prefix(email));
    assertThat(keyed(SECRET).idOf(email)).as("stable").isEqualTo(id);
    assertThat(keyed(OTHER_SECRET).idOf(email)).isNotEqualTo(id);
    assertThat(keyed(SECRET).idOf("jo2@example.com")).isNotEqualTo(id);
  }

  @Test
  void the_legacy_id_is_the_old_unkeyed_hash_so_guests_written_before_are_found() throws Exception {
    String email = "jo@example.com";

    assertThat(keyed(SECRET).legacyIdOf(email)).contains(sha256Prefix(email));
    assertThat(GuestKeys.LEGACY.idOf(email)).isEqualTo(sha256Prefix(email));
    assertThat(GuestKeys.LEGACY.legacyIdOf(email)).isEmpty();
  }

  @Test
  void a_production_service_without_the_secret_refuses_to_start() {
    Map<String, String> properties = new HashMap<>(InMemoryPorts.properties());
    properties.put("bcsync.environment", "production");
    properties.remove("bcsync.sync.guest-keys.secret");

    assertThatThrownBy(
            () -> ApplicationContext.run(new HashMap<String, Object>(properties)).close())
        .hasStackTraceContaining("bcsync.sync.guest-keys.secret");
  }

  @Test
  void production_refuses_to_run_without_a_secret_and_a_short_secret_is_refused() {
    BcsyncConfig production = new BcsyncConfig("production", false, "admin-token-0123456789");
    BcsyncConfig staging = new BcsyncConfig("staging", false, "admin-token-0123456789");

    assertThatThrownBy(() -> GuestKeys.of(new GuestKeyConfig(null), production))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("bcsync.sync.guest-keys.secret");
    assertThat(GuestKeys.of(new GuestKeyConfig(null), staging)).isSameAs(GuestKeys.LEGACY);
    assertThat(GuestKeys.of(new GuestKeyConfig(SECRET), production).idOf("jo@example.com"))
        .isEqualTo(keyed(SECRET).idOf("jo@example.com"));
    assertThatThrownBy(() -> new GuestKeyConfig(Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThat(new GuestKeyConfig(SECRET).toString()).doesNotContain(SECRET).contains("****");
  }
}
