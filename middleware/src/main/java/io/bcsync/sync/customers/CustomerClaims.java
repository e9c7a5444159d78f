package io.bcsync.sync.customers;

import io.bcsync.config.InvalidConfigurationException;
import io.bcsync.db.Chunks;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import io.bcsync.pipeline.Heartbeat;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sync_customer_claim} table: which worker may decide and write a customer that is not
 * yet linked in the identity map. A customer's own work item and an order item naming it as buyer
 * are different work-queue entities, so two workers (or two instances on one database) can hold
 * them at once; without a claim both would match the customer and could each act on it (one
 * converting a matched Lead, the other creating a Contact).
 *
 * <p>A claim is a row keyed by store and customer key. Inserting it claims the customer; a
 * duplicate key means someone holds it, and the row is taken over only when its expiry has passed,
 * so a worker that died mid-batch blocks its customers for at most {@value #LIFETIME_KEY} (default
 * 20 seconds). A live holder {@link #renew renews} its claim while it writes (the pipeline's
 * heartbeat, however long the Salesforce calls take), so its customers are not taken over
 * mid-batch. Each claim call has its own holder id, so two workers of one process never share a
 * claim.
 */
@Singleton
public class CustomerClaims {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerClaims.class);
  public static final String LIFETIME_KEY = "bcsync.sync.customer-claim-lifetime";
  public static final String WAIT_KEY = "bcsync.sync.customer-claim-wait";

  /**
   * Between looks at the table while waiting: a holder's customer writes take a few Salesforce
   * calls.
   */
  private static final Duration POLL = Duration.ofMillis(50);

  /**
   * Claims and releases lock rows in ascending key order, which rules out the plain deadlocks; but
   * on InnoDB a refused INSERT also takes a shared next-key lock (the gap before the row), which
   * makes that hard to prove for every interleaving. Should InnoDB still pick one as a deadlock
   * victim, it has rolled it back and running it again is all it takes.
   */
  private static final int DEADLOCK_ATTEMPTS = 3;

  /**
   * What one claim call got: {@code held} are the customer keys its holder now owns until it
   * releases them.
   */
  public record Claim(String holder, String storeHash, Set<String> held) {}

  private final Db db;
  private final ClaimRepository rows;
  private final Clock clock;
  private final Duration lifetime;
  private final Duration wait;

  CustomerClaims(
      Db db,
      ClaimRepository rows,
      Clock clock,
      @Value("${" + LIFETIME_KEY + ":20s}") Duration lifetime,
      @Value("${" + WAIT_KEY + ":15s}") Duration wait) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new InvalidConfigurationException(LIFETIME_KEY, "must be positive; was " + lifetime);
    }
    if (wait.isNegative() || wait.compareTo(lifetime) >= 0) {
      throw new InvalidConfigurationException(
          WAIT_KEY,
          "must be zero or more and shorter than "
              + LIFETIME_KEY
              + " ("
              + lifetime
              + "); was "
              + wait);
    }
    this.db = db;
    this.rows = rows;
    this.clock = clock;
    this.lifetime = lifetime;
    this.wait = wait;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /**
   * Claims these customers for a new holder. Keys someone else holds (and whose claim has not
   * expired) are missing from {@link Claim#held()}. One transaction per chunk of keys ({@link
   * Chunks}), taken in key order: two claimants of overlapping batches then lock rows in the same
   * order and wait for each other instead of deadlocking.
   */
  public Claim claim(String storeHash, Collection<String> customerKeys) {
    String holder = UUID.randomUUID().toString();
    Set<String> held = new LinkedHashSet<>();
    List<String> keys = customerKeys.stream().distinct().sorted().toList();
    long now = clock.millis();
    long expiresAt = now + lifetime.toMillis();
    try {
      for (List<String> chunk : Chunks.of(keys)) {
        held.addAll(
            db.writeRetryingTransient(
                DEADLOCK_ATTEMPTS, () -> claimChunk(holder, storeHash, chunk, now, expiresAt)));
      }
    } catch (RuntimeException e) {
      // Chunks committed before the failure would otherwise block their customers until they
      // expire.
      try {
        release(new Claim(holder, storeHash, held));
      } catch (RuntimeException releaseFailure) {
        e.addSuppressed(releaseFailure);
      }
      throw e;
    }
    return new Claim(holder, storeHash, Collections.unmodifiableSet(held));
  }

  /**
   * Waits, up to {@value #WAIT_KEY} (default 15 s), until nobody holds these customers any more
   * (released, or expired). Call it holding no claim of your own: two workers each waiting for the
   * other's customers while holding their own would only stop at the timeout. False when the wait
   * is zero or ran out.
   */
  public boolean awaitReleased(String storeHash, Collection<String> customerKeys)
      throws InterruptedException {
    List<String> keys = customerKeys.stream().distinct().toList();
    if (wait.isZero() || keys.isEmpty()) {
      return keys.isEmpty();
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (stillHeld(storeHash, keys)) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(POLL.toMillis());
    }
    return true;
  }

  private boolean stillHeld(String storeHash, List<String> keys) {
    long now = clock.millis();
    return db.read(
        () -> {
          for (List<String> chunk : Chunks.of(keys)) {
            if (rows.countLive(storeHash, now, chunk) > 0) {
              return true;
            }
          }
          return false;
        });
  }

  /**
   * Deletes claims that lapsed more than a lifetime ago: left by holders that died, whose customers
   * nobody claimed again. (A claim that lapsed only just is left for a moment in case its holder is
   * still writing and releases it.)
   */
  public int deleteLapsed() {
    long before = clock.millis() - lifetime.toMillis();
    return db.write(() -> rows.deleteExpiredBefore(before));
  }

  /**
   * Extends the claim's rows by another lifetime from now; rows another holder took over meanwhile
   * stay theirs. Returns how many rows were still the claim's.
   */
  public int renew(Claim claim) {
    List<String> keys = List.copyOf(claim.held());
    if (keys.isEmpty()) {
      return 0;
    }
    long expiresAt = clock.millis() + lifetime.toMillis();
    return db.writeFailingFast(
        1,
        Heartbeat.LIMITS,
        () -> {
          int renewed = 0;
          for (List<String> chunk : Chunks.of(keys)) {
            renewed += rows.renew(claim.storeHash(), claim.holder(), expiresAt, chunk);
          }
          return renewed;
        });
  }

  /**
   * Deletes the claim's rows; rows another holder took over meanwhile (after expiry) stay theirs.
   */
  public void release(Claim claim) {
    List<String> keys = List.copyOf(claim.held());
    if (keys.isEmpty()) {
      return;
    }
    db.writeRetryingTransient(
        DEADLOCK_ATTEMPTS,
        () -> {
          for (List<String> chunk : Chunks.of(keys)) {
            rows.release(claim.storeHash(), claim.holder(), chunk);
          }
          return null;
        });
  }

  /**
   * Inserting the row claims the customer. A duplicate key fails only its own statement on H2 and
   * MySQL/MariaDB, so the transaction and the other keys of the chunk go on; the row is then taken
   * over only if its claim has expired.
   */
  private Set<String> claimChunk(
      String holder, String storeHash, List<String> keys, long now, long expiresAt) {
    Set<String> held = new LinkedHashSet<>();
    for (String key : keys) {
      if (Upsert.insertIfAbsent(
          () -> rows.save(new ClaimRow(new ClaimRow.Key(storeHash, key), holder, expiresAt)))) {
        held.add(key);
      } else if (rows.takeOverExpired(storeHash, key, holder, expiresAt, now) == 1) {
        // Its holder died mid-batch or outlived the lifetime; either way it no longer counts on
        // the claim.
        LOG.warn(
            "Store {}: took over the expired claim on {} (claims last {})",
            storeHash,
            key,
            lifetime);
        held.add(key);
      }
    }
    return held;
  }
}
