package io.bcsync.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.CustomersApi;
import io.bcsync.bigcommerce.client.Fields;
import io.bcsync.bigcommerce.client.StoreClient;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.CustomerProfiles;
import io.bcsync.sync.matching.DryRunMatcher;
import io.bcsync.sync.matching.MatchingConfigs;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dry-run match report of a store: its registered customers (V3, with addresses) modified in
 * the range and, on request, the guests of orders modified in the range, matched page by page
 * against candidates the {@link CandidateSource} prefetches per page (one Salesforce lookup per 250
 * customers). Reads BigCommerce and Salesforce; writes nothing, neither there nor to the work
 * queue.
 */
@Singleton
public class StoreMatchReports {
  private static final Logger LOG = LoggerFactory.getLogger(StoreMatchReports.class);

  private final BigCommerceClient client;
  private final Backfills backfills;
  private final CandidateSource candidates;
  private final MatchingConfigs matching;
  private final BackfillConfig config;

  public StoreMatchReports(
      BigCommerceClient client,
      Backfills backfills,
      @Nullable CandidateSource candidates,
      MatchingConfigs matching,
      BackfillConfig config) {
    this.client = client;
    this.backfills = backfills;
    this.candidates = candidates;
    this.matching = matching;
    this.config = config;
  }

  /**
   * @param since first day (UTC) of the range, or null for all customers
   * @param until last day (UTC) of the range, inclusive, or null for up to now
   * @throws Backfills.BadBackfillRequest for malformed dates or an empty range
   * @throws Backfills.UnknownStore when the store is not connected with API access
   * @throws NoCandidateSource when no Salesforce lookup is configured
   * @throws CandidateLookupFailed when Salesforce could not be asked
   */
  public MatchReportView report(
      String storeHash, @Nullable String since, @Nullable String until, boolean guests) {
    if (storeHash == null || !Backfills.STORE_HASH.matcher(storeHash.trim()).matches()) {
      throw new Backfills.BadBackfillRequest(
          "store must be a store hash (lower-case letters and digits)");
    }
    String store = storeHash.trim();
    LocalDate from = since == null || since.isBlank() ? null : Backfills.parseSince(since);
    LocalDate to = until == null || until.isBlank() ? null : parseUntil(until);
    if (from != null && to != null && to.isBefore(from)) {
      throw new Backfills.BadBackfillRequest("until must not be before since");
    }
    backfills.requireStoreWithApiAccess(store);
    if (candidates == null) {
      throw new NoCandidateSource();
    }
    Instant min = from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    // Inclusive: the last second of the until day (BigCommerce dates have whole seconds).
    Instant max =
        to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    StoreClient api = client.forStore(store);
    DryRunMatcher.PagedRun run = DryRunMatcher.paged(matching.forStore(store), candidates);
    boolean truncated = registered(api, store, min, max, run);
    if (!truncated && guests) {
      truncated = guests(api, store, min, max, run);
    }
    return MatchReportView.of(
        store,
        from == null ? null : from.toString(),
        to == null ? null : to.toString(),
        guests,
        truncated,
        run.report());
  }

  /** Returns whether the customer limit cut the report short. */
  private boolean registered(
      StoreClient api, String store, Instant min, Instant max, DryRunMatcher.PagedRun run) {
    for (int page = 1; ; page++) {
      CustomersApi.CustomerPage customers = api.customers().modifiedPage(min, max, page, true);
      List<CustomerProfile> profiles = new ArrayList<>();
      for (JsonNode customer : customers.customers()) {
        profiles.add(CustomerProfiles.fromCustomer(store, customer));
      }
      if (match(run, profiles)) {
        return true;
      }
      if (customers.customers().isEmpty() || page >= customers.totalPages()) {
        return false;
      }
    }
  }

  private boolean guests(
      StoreClient api, String store, Instant min, Instant max, DryRunMatcher.PagedRun run) {
    long afterId = 0;
    while (true) {
      List<JsonNode> orders = api.orders().modifiedPageAfter(min, max, afterId);
      List<CustomerProfile> profiles = new ArrayList<>();
      for (JsonNode order : orders) {
        if (Fields.longValue(order, "customer_id") == 0) {
          profiles.add(CustomerProfiles.fromOrder(store, order));
        }
      }
      if (match(run, profiles)) {
        return true;
      }
      if (orders.size() < StoreClient.MAX_PAGE) {
        return false;
      }
      afterId = Fields.longValue(orders.get(orders.size() - 1), "id");
    }
  }

  private boolean match(DryRunMatcher.PagedRun run, List<CustomerProfile> profiles) {
    int room = config.matchReportMaxCustomers() - run.matched();
    List<CustomerProfile> page = profiles.size() > room ? profiles.subList(0, room) : profiles;
    try {
      run.match(page);
    } catch (Exception e) {
      // Class only: the message of a failed lookup can contain the emails or phones it searched
      // for.
      LOG.warn("Match report: Salesforce candidate lookup failed with {}", e.getClass().getName());
      throw new CandidateLookupFailed(e);
    }
    return profiles.size() > room;
  }

  private static LocalDate parseUntil(String until) {
    try {
      return LocalDate.parse(until.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new Backfills.BadBackfillRequest("until must be an ISO date (YYYY-MM-DD)");
    }
  }

  /** A 503: nothing to match against until the Salesforce candidate lookup is configured. */
  public static final class NoCandidateSource extends RuntimeException {
    NoCandidateSource() {
      super(
          "no Salesforce candidate lookup is configured (connect Salesforce first)",
          null,
          false,
          false);
    }
  }

  /**
   * A 502. The cause's message is kept out of the message: a failed query can echo the emails it
   * looked for.
   */
  public static final class CandidateLookupFailed extends RuntimeException {
    CandidateLookupFailed(Exception cause) {
      super(
          "looking up Salesforce candidates failed (" + cause.getClass().getSimpleName() + ")",
          null,
          false,
          false);
    }
  }
}
