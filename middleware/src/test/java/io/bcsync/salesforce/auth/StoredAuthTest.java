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

/**
 * The web-server flow's stored state: one refresh token with its org id, replaced by a new
 * connection; start tickets and OAuth states that work once, as their own kind, and only until they
 * expire. Runs on H2; {@code StoredAuthMariaDbTest} runs every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredAuthTest extends DatabaseTest {
  @Inject Db db;
  @Inject CredentialRepository credentials;
  @Inject OAuthRequestRepository requests;

  private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String NEW_KEY = Base64.getEncoder().encodeToString(new byte[16]);

  @Test
  void connecting_again_replaces_the_stored_refresh_token_and_disconnecting_removes_it() {
    CredentialStore store = store(OLD_KEY);

    assertThat(store.isPresent()).isFalse();
    store.save("refresh-1", "https://one.my.salesforce.com", "005A", "00D000000000001AAA");
    assertThat(store.orgId()).contains("00D000000000001AAA");
    store.save("refresh-2", "https://two.my.salesforce.com", null);
    assertThat(store.orgId()).as("an unknown org id is not the previous one").isEmpty();
    assertThat(store.isPresent()).isTrue();
    assertThat(store.instanceUrl()).contains("https://two.my.salesforce.com");

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
    SalesforceLink.View view =
        new SalesforceLinkStatus(webServerConfig(NEW_KEY, List.of()), store(NEW_KEY)).current();

    assertThat(view.connected()).isFalse();
    assertThat(view.description())
        .contains("cannot be read")
        .contains("administrator to connect Salesforce again");
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
  void a_pending_request_is_consumed_once_as_its_own_kind_and_not_after_it_expired() {
    db.write(
        () -> requests.save(new OAuthRequestRow("fresh", OAuthRequestRow.STATE, "c", true, 2_000)));
    db.write(
        () ->
            requests.save(new OAuthRequestRow("stale", OAuthRequestRow.STATE, "c", false, 1_000)));

    assertThat(db.write(() -> requests.findById("fresh")))
        .hasValueSatisfying(
            row -> {
              assertThat(row.codeChallenge()).isEqualTo("c");
              assertThat(row.replaceExisting()).isTrue();
            });
    assertThat(db.write(() -> requests.consume("stale", OAuthRequestRow.STATE, 1_001))).isZero();
    assertThat(db.write(() -> requests.consume("fresh", OAuthRequestRow.TICKET, 2_000)))
        .as("a state is not a ticket")
        .isZero();
    assertThat(db.write(() -> requests.consume("fresh", OAuthRequestRow.STATE, 2_000)))
        .isEqualTo(1);
    assertThat(db.write(() -> requests.consume("fresh", OAuthRequestRow.STATE, 2_000)))
        .as("single use")
        .isZero();
    assertThat(db.write(() -> requests.deleteExpired(1_001))).isEqualTo(1);
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
