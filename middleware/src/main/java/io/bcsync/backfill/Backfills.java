package io.bcsync.backfill;

import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Starting, cancelling and reporting on backfills, with the checks the admin API promises. */
@Singleton
public class Backfills {
  static final int MAX_LIST = 100;
  static final Pattern STORE_HASH = Pattern.compile("[a-z0-9]{1,64}");

  private final BackfillJobs jobs;
  private final BackfillItems items;
  private final ConnectedStores stores;
  private final Clock clock;

  public Backfills(BackfillJobs jobs, BackfillItems items, ConnectedStores stores, Clock clock) {
    this.jobs = jobs;
    this.items = items;
    this.stores = stores;
    this.clock = clock;
  }

  /**
   * Starts a backfill of {@code storeHash} for customers and orders modified since {@code since}
   * (ISO date, UTC).
   *
   * @throws BadBackfillRequest when a value is missing or malformed, or the date is in the future
   * @throws UnknownStore when the store is not connected with API access
   * @throws BackfillJobs.ActiveBackfillExists when the store already has a running or paused
   *     backfill
   */
  public BackfillProgress start(String storeHash, String since) {
    if (storeHash == null || storeHash.isBlank()) {
      throw new BadBackfillRequest("store is required");
    }
    String store = storeHash.trim();
    if (!STORE_HASH.matcher(store).matches()) {
      throw new BadBackfillRequest("store must be a store hash (lower-case letters and digits)");
    }
    LocalDate date = parseSince(since);
    if (date.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
      throw new BadBackfillRequest("since must not be in the future");
    }
    requireStoreWithApiAccess(store);
    BackfillJob job = jobs.create(store, date, clock.millis());
    return progress(job);
  }

  public Optional<BackfillProgress> find(long id) {
    return jobs.find(id).map(this::progress);
  }

  public List<BackfillProgress> latest(String storeHash) {
    return jobs
        .latest(storeHash == null || storeHash.isBlank() ? null : storeHash.trim(), MAX_LIST)
        .stream()
        .map(this::progress)
        .toList();
  }

  /**
   * Empty when there is no such backfill; otherwise whether it was active (and is now cancelled).
   */
  public Optional<Boolean> cancel(long id) {
    if (jobs.find(id).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(jobs.cancel(id, clock.millis()));
  }

  static LocalDate parseSince(String since) {
    if (since == null || since.isBlank()) {
      throw new BadBackfillRequest("since is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(since.trim());
    } catch (DateTimeParseException e) {
      throw new BadBackfillRequest("since must be an ISO date (YYYY-MM-DD)");
    }
  }

  void requireStoreWithApiAccess(String storeHash) {
    Optional<ConnectedStore> store = stores.find(storeHash);
    if (store.isEmpty() || !store.get().hasApiAccess()) {
      throw new UnknownStore(storeHash);
    }
  }

  private BackfillProgress progress(BackfillJob job) {
    return BackfillProgress.of(job, items.statusCounts(job.id()), clock.millis());
  }

  /** A 400: the request names what is wrong. */
  public static final class BadBackfillRequest extends RuntimeException {
    public BadBackfillRequest(String message) {
      super(message, null, false, false);
    }
  }

  /** A 404: the store is not connected, or has no API token to read it with. */
  public static final class UnknownStore extends RuntimeException {
    public UnknownStore(String storeHash) {
      super("store " + storeHash + " is not connected with API access", null, false, false);
    }
  }
}
