package io.bcsync.bigcommerce.stores;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.security.TokenCipher;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code bc_store} rules: a re-install replaces the secrets but keeps the first install time,
 * an uninstall forgets them once, rotation re-seals them. Runs on H2; {@code
 * InstalledStoresMariaDbTest} runs every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstalledStoresTest implements TestPropertyProvider {
  private static final String OLD_KEY = newKey();
  private static final String NEW_KEY = newKey();

  @Inject Db db;
  @Inject StoreRepository rows;
  @Inject MutableClock clock;

  private String store;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    properties.put("test.mutable-clock", "true");
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @BeforeEach
  void newStore() {
    clock.set(1_700_000_000_000L);
    store = "s" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_reinstall_replaces_the_secrets_and_keeps_the_first_install_time() {
    InstalledStores stores = stores(cipher(OLD_KEY));
    stores.saveInstall(store, "token-1", "secret-1", "store_v2_orders", "owner@example.com");
    clock.advance(java.time.Duration.ofMinutes(5));
    assertThat(stores.markUninstalled(store)).isTrue();
    clock.advance(java.time.Duration.ofMinutes(5));

    stores.saveInstall(store, "token-2", "secret-2", "store_v2_customers", null);

    InstalledStores.InstalledStore found = stores.find(store).orElseThrow();
    assertThat(found.installed()).isTrue();
    assertThat(found.accessToken()).contains("token-2");
    assertThat(found.webhookSecret()).contains("secret-2");
    assertThat(found.scopes()).isEqualTo("store_v2_customers");
    assertThat(found.installedAtMs()).isEqualTo(1_700_000_000_000L);
    assertThat(found.uninstalledAtMs()).isNull();
  }

  @Test
  void an_uninstall_forgets_the_secrets_once_and_starts_the_retention_clock() {
    InstalledStores stores = stores(cipher(OLD_KEY));
    stores.saveInstall(store, "token", "secret", "scopes", "owner@example.com");
    long uninstalledAt = clock.millis();

    assertThat(stores.markUninstalled(store)).isTrue();
    assertThat(stores.markUninstalled(store)).as("not installed any more").isFalse();

    InstalledStores.InstalledStore found = stores.find(store).orElseThrow();
    assertThat(found.installed()).isFalse();
    assertThat(found.accessToken()).isEmpty();
    assertThat(found.webhookSecret()).isEmpty();
    assertThat(found.uninstalledAtMs()).isEqualTo(uninstalledAt);
    assertThat(stores.installed())
        .extracting(InstalledStores.InstalledStore::storeHash)
        .doesNotContain(store);
    assertThat(stores.uninstalledBefore(uninstalledAt)).doesNotContain(store);
    assertThat(stores.uninstalledBefore(uninstalledAt + 1)).contains(store);
  }

  @Test
  void a_key_rotation_reseals_the_secrets_under_the_new_key() {
    stores(cipher(OLD_KEY)).saveInstall(store, "token", "secret", "scopes", null);
    InstalledStores rotating =
        stores(new TokenCipher(NEW_KEY, "current", List.of(OLD_KEY), "previous"));

    assertThat(rotating.reencryptWithCurrentKey()).isGreaterThanOrEqualTo(1);
    assertThat(rotating.reencryptWithCurrentKey()).as("nothing left to rewrite").isZero();

    InstalledStores.InstalledStore found = stores(cipher(NEW_KEY)).find(store).orElseThrow();
    assertThat(found.accessToken()).contains("token");
    assertThat(found.webhookSecret()).contains("secret");
  }

  @Test
  void a_reseal_loses_to_a_reinstall_committed_after_the_row_was_read() {
    stores(cipher(OLD_KEY)).saveInstall(store, "token-1", "secret-1", "scopes", null);
    InstalledStores rotating =
        stores(new TokenCipher(NEW_KEY, "current", List.of(OLD_KEY), "previous"));
    StoreRow read = db.read(() -> rows.findById(store)).orElseThrow();

    // Another instance re-installs the store between the rotation's read and its write.
    stores(cipher(OLD_KEY)).saveInstall(store, "token-2", "secret-2", "scopes", null);

    assertThat(rotating.reseal(read)).isFalse();
    InstalledStores.InstalledStore found = rotating.find(store).orElseThrow();
    assertThat(found.accessToken()).contains("token-2");
    assertThat(found.webhookSecret()).contains("secret-2");
  }

  @Test
  void a_reseal_loses_to_an_uninstall_committed_after_the_row_was_read() {
    stores(cipher(OLD_KEY)).saveInstall(store, "token", "secret", "scopes", null);
    InstalledStores rotating =
        stores(new TokenCipher(NEW_KEY, "current", List.of(OLD_KEY), "previous"));
    StoreRow read = db.read(() -> rows.findById(store)).orElseThrow();

    stores(cipher(OLD_KEY)).markUninstalled(store);

    assertThat(rotating.reseal(read)).isFalse();
    assertThat(rotating.find(store).orElseThrow().accessToken()).isEmpty();
  }

  @Test
  void an_instance_given_the_new_key_as_next_reads_rows_the_switched_instances_write() {
    // Step 2 of a rotation reached one instance: it seals with the new key.
    stores(new TokenCipher(NEW_KEY, "current", List.of(OLD_KEY), "previous"))
        .saveInstall(store, "token", "secret", "scopes", null);

    // An instance still on step 1 (old key current, new key next) reads the row...
    InstalledStores stepOne =
        stores(new TokenCipher(OLD_KEY, "current", List.of(), "previous", NEW_KEY, "next"));
    InstalledStores.InstalledStore found = stepOne.find(store).orElseThrow();
    assertThat(found.accessToken()).contains("token");
    assertThat(found.webhookSecret()).contains("secret");

    // ...and its startup does not move the row back to the old key.
    stepOne.reencryptWithCurrentKey();
    assertThat(stores(cipher(NEW_KEY)).find(store).orElseThrow().accessToken()).contains("token");
  }

  private InstalledStores stores(TokenCipher cipher) {
    return new InstalledStores(db, rows, cipher, clock);
  }

  private static TokenCipher cipher(String key) {
    return new TokenCipher(key, "current", List.of(), "previous");
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
