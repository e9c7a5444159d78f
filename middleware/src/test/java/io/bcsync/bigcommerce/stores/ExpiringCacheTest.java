package io.bcsync.bigcommerce.stores;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The webhook secret cache of issue 16 item 4: lookups remembered briefly, bounded in size. */
class ExpiringCacheTest {
  final MutableClock clock = new MutableClock(1_000_000);
  final AtomicInteger loads = new AtomicInteger();

  Optional<String> load(String hash) {
    loads.incrementAndGet();
    return hash.startsWith("known") ? Optional.of("secret-of-" + hash) : Optional.empty();
  }

  @Test
  void a_lookup_known_or_not_is_remembered_for_its_lifetime_only() {
    ExpiringCache<String, Optional<String>> cache =
        new ExpiringCache<>(Duration.ofSeconds(30), 100, clock);

    assertThat(cache.get("known1", this::load)).contains("secret-of-known1");
    assertThat(cache.get("nosuch", this::load)).isEmpty();
    assertThat(cache.get("known1", this::load)).contains("secret-of-known1");
    assertThat(cache.get("nosuch", this::load)).isEmpty();
    assertThat(loads).hasValue(2);

    clock.advance(Duration.ofSeconds(30));
    cache.get("known1", this::load);
    assertThat(loads).hasValue(3);
  }

  @Test
  void forgetting_a_store_reads_it_again() {
    ExpiringCache<String, Optional<String>> cache =
        new ExpiringCache<>(Duration.ofMinutes(5), 100, clock);
    cache.get("known1", this::load);

    cache.invalidate("known1");
    cache.get("known1", this::load);

    assertThat(loads).hasValue(2);
  }

  @Test
  void many_made_up_hashes_cannot_grow_it_beyond_its_bound() {
    ExpiringCache<String, Optional<String>> cache =
        new ExpiringCache<>(Duration.ofMinutes(5), 100, clock);
    cache.get("known1", this::load);

    for (int i = 0; i < 1_000; i++) {
      cache.get("made-up-" + i, this::load);
      cache.get("known1", this::load);
    }

    assertThat(cache.size()).isEqualTo(100);
    // The store in use stays: the least recently used entries leave first.
    assertThat(loads).hasValue(1_001);
  }
}
