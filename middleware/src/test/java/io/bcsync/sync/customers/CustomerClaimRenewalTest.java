package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.testsupport.DatabaseTest;
import io.bcsync.testsupport.MutableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A live holder renews its customer claims, so nobody takes them over mid-batch however long its
 * writes take; once it stops renewing (it died), they lapse one default lifetime (20 s) later.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerClaimRenewalTest extends DatabaseTest {
  @Inject CustomerClaims claims;
  @Inject MutableClock clock;
  @Inject Db db;

  private String store;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("test.mutable-clock", "true");
    return properties;
  }

  @BeforeEach
  void setUp() {
    clock.set(1_700_000_000_000L);
    store = "renew" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_renewed_claim_is_not_taken_over_and_lapses_a_lifetime_after_its_last_renewal() {
    assertThat(claims.lifetime()).as("the default lifetime").isEqualTo(Duration.ofSeconds(20));
    CustomerClaims.Claim writing = claims.claim(store, List.of("customer:1", "customer:2"));

    // A minute of slow Salesforce calls, renewed every 5 s as the heartbeat does.
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofSeconds(5));
      assertThat(claims.renew(writing)).isEqualTo(2);
      assertThat(claims.claim(store, List.of("customer:1")).held()).as("still held").isEmpty();
    }

    // The holder dies: no more renewals.
    clock.advance(Duration.ofSeconds(20));
    assertThat(claims.claim(store, List.of("customer:1")).held()).as("not lapsed yet").isEmpty();
    clock.advance(Duration.ofMillis(1));
    CustomerClaims.Claim next = claims.claim(store, List.of("customer:1"));
    assertThat(next.held()).as("lapsed: taken over").containsExactly("customer:1");

    assertThat(claims.renew(writing))
        .as("the late holder renews only what is still its own")
        .isOne();
    assertThat(claims.claim(store, List.of("customer:1")).held()).as("the new holder's").isEmpty();
  }
}
