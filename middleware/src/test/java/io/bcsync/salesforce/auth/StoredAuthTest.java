package io.bcsync.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.security.TokenCipher;
import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The web-server flow's stored state: one refresh token, replaced by a new connection; OAuth states
 * that work once and only until they expire. Runs on H2; {@code StoredAuthMariaDbTest} runs every
 * case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredAuthTest extends DatabaseTest {
  @Inject Db db;
  @Inject CredentialRepository credentials;
  @Inject OAuthStateRepository states;

  @Test
  void connecting_again_replaces_the_stored_refresh_token_and_disconnecting_removes_it() {
    CredentialStore store =
        new CredentialStore(
            db,
            credentials,
            new TokenCipher(
                Base64.getEncoder().encodeToString(new byte[32]), "key", List.of(), "-"),
            Clock.systemUTC());

    store.save("refresh-1", "https://one.my.salesforce.com", "005A");
    store.save("refresh-2", "https://two.my.salesforce.com", null);

    CredentialStore.StoredCredential stored = store.load().orElseThrow();
    assertThat(stored.refreshToken()).isEqualTo("refresh-2");
    assertThat(stored.instanceUrl()).isEqualTo("https://two.my.salesforce.com");
    assertThat(stored.userId()).isNull();
    assertThat(store.sealedValue().orElseThrow()).doesNotContain("refresh-2");

    store.delete();
    assertThat(store.load()).isEmpty();
  }

  @Test
  void an_oauth_state_is_consumed_once_and_not_after_it_expired() {
    db.write(() -> states.save(new OAuthStateRow("fresh", 2_000)));
    db.write(() -> states.save(new OAuthStateRow("stale", 1_000)));

    assertThat(db.write(() -> states.consume("stale", 1_001))).isZero();
    assertThat(db.write(() -> states.consume("fresh", 2_000))).isEqualTo(1);
    assertThat(db.write(() -> states.consume("fresh", 2_000))).as("single use").isZero();
    assertThat(db.write(() -> states.deleteExpired(1_001))).isEqualTo(1);
  }
}
