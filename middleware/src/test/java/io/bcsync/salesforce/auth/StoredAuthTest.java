package io.bcsync.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.db.Db;
import io.bcsync.security.TokenCipher;
import io.bcsync.sync.port.SalesforceLink;
import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mockito.Mockito;

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

  private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String NEW_KEY = Base64.getEncoder().encodeToString(new byte[16]);

  @Test
  void connecting_again_replaces_the_stored_refresh_token_and_disconnecting_removes_it() {
    CredentialStore store = store(OLD_KEY);

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
  void after_a_key_change_without_the_old_key_salesforce_shows_as_not_connected_not_as_an_error() {
    store(OLD_KEY).save("refresh-1", "https://one.my.salesforce.com", "005A");
    WebServerFlow flow = Mockito.mock(WebServerFlow.class);
    Mockito.when(flow.start()).thenReturn("https://login.example/authorize");

    SalesforceLink.View view =
        new SalesforceLinkStatus(webServerConfig(NEW_KEY, List.of()), store(NEW_KEY), flow)
            .current();

    assertThat(view.connected()).isFalse();
    assertThat(view.description()).contains("cannot be read").contains("connect the org again");
    assertThat(view.connectUrl()).contains("https://login.example/authorize");
    assertThatThrownBy(() -> new RefreshTokenGrant(null, store(NEW_KEY), "id", "secret").obtain())
        .isInstanceOf(CredentialUnreadableException.class)
        .hasMessageContaining("connect Salesforce again");
  }

  @Test
  void
      the_configured_previous_key_still_opens_the_credential_and_it_is_resealed_with_the_new_one() {
    store(OLD_KEY).save("refresh-1", "https://one.my.salesforce.com", "005A");
    CredentialStore rotated =
        new CredentialStoreFactory()
            .credentialStore(
                webServerConfig(NEW_KEY, List.of(OLD_KEY)), db, credentials, Clock.systemUTC());

    assertThat(rotated.load().orElseThrow().refreshToken()).isEqualTo("refresh-1");
    assertThat(store(NEW_KEY).load().orElseThrow().refreshToken())
        .as("re-sealed under the new key")
        .isEqualTo("refresh-1");
  }

  @Test
  void a_reseal_loses_to_a_connection_committed_after_the_row_was_read() {
    store(OLD_KEY).save("refresh-1", "https://one.my.salesforce.com", "005A");
    CredentialRow read = db.read(() -> credentials.findById(CredentialStore.NAME)).orElseThrow();
    CredentialStore rotating = store(NEW_KEY, List.of(OLD_KEY));

    store(OLD_KEY).save("refresh-2", "https://two.my.salesforce.com", "005B");

    assertThat(rotating.reseal(read, "refresh-1")).isFalse();
    assertThat(rotating.load().orElseThrow().refreshToken()).isEqualTo("refresh-2");
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

  private CredentialStore store(String key) {
    return store(key, List.of());
  }

  private CredentialStore store(String key, List<String> previous) {
    return new CredentialStore(
        db, credentials, new TokenCipher(key, "key", previous, "previous"), Clock.systemUTC());
  }

  private static SalesforceConfig webServerConfig(String key, List<String> previous) {
    return new SalesforceConfig(
        "https://login.salesforce.com",
        "web-server",
        "client-id",
        "client-secret",
        null,
        null,
        null,
        null,
        "bcsync",
        null,
        false,
        "https://bcsync.example/salesforce/oauth/callback",
        key,
        previous,
        null);
  }
}
