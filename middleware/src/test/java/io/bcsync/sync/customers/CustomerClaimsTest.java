package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.config.InvalidConfigurationException;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-customer claims on the real database: one holder at a time, released only by its holder,
 * taken over once expired. Runs on H2; {@code CustomerClaimsMariaDbTest} runs every case on
 * MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerClaimsTest implements TestPropertyProvider {
  private static final Duration LIFETIME = Duration.ofMinutes(5);

  @Inject Db db;
  @Inject ClaimRepository claimRows;
  @Inject MutableClock clock;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private CustomerClaims claims;

  /** A store of its own per test, so no test sees another's rows. */
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
  void setUp() {
    clock.set(1_700_000_000_000L);
    claims = new CustomerClaims(db, claimRows, clock, LIFETIME, Duration.ZERO);
    store = "claims" + UUID.randomUUID().toString().substring(0, 8);
  }

  private void renameClaimTable(String from, String to) {
    db.write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + from + " RENAME TO " + to);
          }
          return null;
        });
  }

  @AfterAll
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void a_second_claimant_gets_only_the_customers_nobody_holds() {
    CustomerClaims.Claim first = claims.claim(store, List.of("customer:2"));

    // customer:2 sits between two free keys: its duplicate key must not cost the claimant
    // customer:3.
    CustomerClaims.Claim second =
        claims.claim(store, List.of("customer:1", "customer:2", "customer:3"));

    assertThat(first.held()).containsExactly("customer:2");
    assertThat(second.held()).containsExactlyInAnyOrder("customer:1", "customer:3");
    assertThat(second.holder()).isNotEqualTo(first.holder());
  }

  @Test
  void a_released_customer_can_be_claimed_again() {
    CustomerClaims.Claim first = claims.claim(store, List.of("customer:1", "guest:ab12"));
    assertThat(claims.claim(store, List.of("guest:ab12")).held()).isEmpty();

    claims.release(first);

    assertThat(claims.claim(store, List.of("customer:1", "guest:ab12")).held())
        .containsExactlyInAnyOrder("customer:1", "guest:ab12");
  }

  @Test
  void an_expired_claim_is_taken_over_and_its_old_holder_can_no_longer_release_it() {
    CustomerClaims.Claim crashed = claims.claim(store, List.of("customer:7"));

    clock.advance(LIFETIME.minusMillis(1));
    assertThat(claims.claim(store, List.of("customer:7")).held()).as("not expired yet").isEmpty();
    clock.advance(Duration.ofMillis(2));
    CustomerClaims.Claim next = claims.claim(store, List.of("customer:7"));
    assertThat(next.held()).as("expired: taken over").containsExactly("customer:7");

    claims.release(crashed);
    assertThat(claims.claim(store, List.of("customer:7")).held())
        .as("still the new holder's")
        .isEmpty();
  }

  @Test
  void a_release_by_anyone_but_the_holder_frees_nothing() {
    claims.claim(store, List.of("customer:9"));

    claims.release(new CustomerClaims.Claim("someone-else", store, Set.of("customer:9")));

    assertThat(claims.claim(store, List.of("customer:9")).held()).isEmpty();
    assertThat(claims.claim("other" + store, List.of("customer:9")).held())
        .as("another store's customer 9")
        .containsExactly("customer:9");
  }

  @Test
  void a_release_the_database_refuses_is_a_data_access_failure() {
    CustomerClaims.Claim claim = claims.claim(store, List.of("customer:4"));
    renameClaimTable("sync_customer_claim", "sync_customer_claim_offline");
    try {
      // CustomerSync catches DataAccessFailure here and lets the claim lapse.
      assertThatThrownBy(() -> claims.release(claim)).isInstanceOf(DataAccessFailure.class);
    } finally {
      renameClaimTable("sync_customer_claim_offline", "sync_customer_claim");
    }
    claims.release(claim);
    assertThat(claims.claim(store, List.of("customer:4")).held()).containsExactly("customer:4");
  }

  @Test
  void claims_of_more_customers_than_one_chunk_are_all_taken_and_released() {
    List<String> keys = IntStream.rangeClosed(1, 1_201).mapToObj(i -> "customer:" + i).toList();

    CustomerClaims.Claim all = claims.claim(store, keys);
    assertThat(all.held()).hasSize(1_201);
    assertThat(claims.claim(store, keys.subList(1_000, 1_201)).held()).isEmpty();
    claims.release(all);

    assertThat(claims.claim(store, keys).held()).hasSize(1_201);
  }

  @Test
  void two_claimants_at_once_never_hold_the_same_customer() throws Exception {
    List<String> keys = IntStream.rangeClosed(1, 200).mapToObj(i -> "customer:" + i).toList();
    CyclicBarrier start = new CyclicBarrier(2);

    CompletableFuture<CustomerClaims.Claim> one =
        CompletableFuture.supplyAsync(() -> claimAfter(start, keys), threads);
    List<String> reversed = new ArrayList<>(keys);
    Collections.reverse(
        reversed); // the order the caller passes does not matter: claims are taken in key order
    CompletableFuture<CustomerClaims.Claim> two =
        CompletableFuture.supplyAsync(() -> claimAfter(start, reversed), threads);

    Set<String> first = one.get(60, TimeUnit.SECONDS).held();
    Set<String> second = two.get(60, TimeUnit.SECONDS).held();
    Set<String> both = new HashSet<>(first);
    both.retainAll(second);
    assertThat(both).as("held by both").isEmpty();
    Set<String> union = new HashSet<>(first);
    union.addAll(second);
    assertThat(union).containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void a_lifetime_that_is_not_positive_is_refused() {
    assertThatThrownBy(() -> new CustomerClaims(db, claimRows, clock, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(CustomerClaims.LIFETIME_KEY);
  }

  @Test
  void a_wait_that_is_negative_or_not_shorter_than_the_lifetime_is_refused() {
    assertThatThrownBy(
            () -> new CustomerClaims(db, claimRows, clock, LIFETIME, Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(CustomerClaims.WAIT_KEY);
    assertThatThrownBy(() -> new CustomerClaims(db, claimRows, clock, LIFETIME, LIFETIME))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(CustomerClaims.WAIT_KEY);
  }

  @Test
  void waiting_ends_as_soon_as_the_holder_releases() throws Exception {
    CustomerClaims waiting =
        new CustomerClaims(db, claimRows, clock, LIFETIME, Duration.ofSeconds(30));
    CustomerClaims.Claim held = claims.claim(store, List.of("customer:20", "customer:21"));
    CountDownLatch waitingStarted = new CountDownLatch(1);
    CompletableFuture<Boolean> released =
        CompletableFuture.supplyAsync(
            () -> {
              waitingStarted.countDown();
              return awaitReleased(waiting, List.of("customer:21"));
            },
            threads);
    waitingStarted.await(30, TimeUnit.SECONDS);

    assertThat(released).as("still held").isNotDone();
    claims.release(held);

    assertThat(released.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(claims.claim(store, List.of("customer:21")).held()).containsExactly("customer:21");
  }

  @Test
  void waiting_gives_up_after_the_configured_wait_while_the_customer_is_held() throws Exception {
    CustomerClaims waiting =
        new CustomerClaims(db, claimRows, clock, LIFETIME, Duration.ofMillis(300));
    claims.claim(store, List.of("customer:30"));

    assertThat(waiting.awaitReleased(store, List.of("customer:30", "customer:31"))).isFalse();
  }

  @Test
  void with_no_wait_configured_a_held_customer_is_not_waited_for_and_a_free_one_is_free()
      throws Exception {
    claims.claim(store, List.of("customer:40"));

    assertThat(claims.awaitReleased(store, List.of("customer:40"))).isFalse();
    assertThat(claims.awaitReleased(store, List.of())).isTrue();
  }

  @Test
  void an_expired_claim_is_not_waited_for() throws Exception {
    CustomerClaims waiting =
        new CustomerClaims(db, claimRows, clock, LIFETIME, Duration.ofSeconds(30));
    claims.claim(store, List.of("customer:50"));
    clock.advance(LIFETIME.plusSeconds(1));

    assertThat(waiting.awaitReleased(store, List.of("customer:50"))).isTrue();
  }

  @Test
  void only_claims_lapsed_more_than_a_lifetime_ago_are_deleted() {
    claims.claim(store, List.of("customer:60"));
    clock.advance(LIFETIME.plusSeconds(1)); // lapsed only just: its holder may still release it
    claims.claim(store, List.of("customer:61"));

    claims.deleteLapsed();
    assertThat(rowsOfThisStore()).containsExactlyInAnyOrder("customer:60", "customer:61");
    clock.advance(LIFETIME);

    assertThat(claims.deleteLapsed()).isPositive();
    assertThat(rowsOfThisStore()).containsExactly("customer:61");
  }

  private List<String> rowsOfThisStore() {
    return db.read(
        connection -> {
          try (var select =
              connection.prepareStatement(
                  "SELECT customer_key FROM sync_customer_claim WHERE store_hash = ?")) {
            select.setString(1, store);
            List<String> keys = new ArrayList<>();
            try (var rows = select.executeQuery()) {
              while (rows.next()) {
                keys.add(rows.getString(1));
              }
            }
            return keys;
          }
        });
  }

  private boolean awaitReleased(CustomerClaims waiting, List<String> keys) {
    try {
      return waiting.awaitReleased(store, keys);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private CustomerClaims.Claim claimAfter(CyclicBarrier start, List<String> keys) {
    try {
      start.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the other claimant did not start", e);
    }
    return claims.claim(store, keys);
  }
}
