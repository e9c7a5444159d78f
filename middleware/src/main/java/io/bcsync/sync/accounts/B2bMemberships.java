package io.bcsync.sync.accounts;

import io.bcsync.config.StoreConfig;
import io.bcsync.sync.port.StoreReader;
import io.bcsync.sync.port.StoreReader.B2bCompany;
import io.bcsync.sync.port.StoreReader.B2bCompanyUser;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which B2B Edition company each customer of a store is a user of, for stores with {@code
 * bcsync.bigcommerce.stores.<hash>.b2b.edition: true}. Kept in memory per store and never asked per
 * order:
 *
 * <ul>
 *   <li>first use, and every {@code b2b.membership-reload} (default 6 h): every user and every
 *       company, {@code ceil(users / 200) + ceil(companies / 200)} B2B calls;
 *   <li>a batch naming a customer the map does not know (a new buyer, or a B2C customer): users and
 *       companies modified since the last read, 2 calls, at most once per {@code
 *       b2b.membership-refresh} (default 1 min), so B2C traffic cannot turn into B2B traffic;
 *   <li>a batch whose customers are all known members: no call.
 * </ul>
 *
 * A user removed from a company is seen at the next reload (the modified-since reads do not report
 * deletions). The B2B host has its own, small quota (about 150 calls a minute), which is why misses
 * are throttled.
 */
@Singleton
public class B2bMemberships {
  private static final Logger LOG = LoggerFactory.getLogger(B2bMemberships.class);

  /**
   * The modified-since filters take whole seconds and are exclusive: read a little before the last
   * read.
   */
  private static final Duration OVERLAP = Duration.ofSeconds(2);

  private final Environment environment;
  private final StoreReader store;
  private final Clock clock;
  private final Map<String, StoreMembers> stores = new ConcurrentHashMap<>();

  public B2bMemberships(Environment environment, StoreReader store, Clock clock) {
    this.environment = environment;
    this.store = store;
    this.clock = clock;
  }

  /** One store's map; reads and refreshes are serialised per store. */
  private static final class StoreMembers {
    final Map<Long, Long> companyOfCustomer = new HashMap<>();
    final Map<Long, String> companyNames = new HashMap<>();
    long loadedAtMs = -1;
    long refreshedAtMs = -1;
  }

  public boolean enabled(String storeHash) {
    return environment.getProperty(prefix(storeHash) + "edition", Boolean.class).orElse(false);
  }

  /**
   * The B2B company of each given customer that is a company user; customers of no company are
   * absent. Empty (and no call) when B2B Edition is off for the store.
   *
   * @throws RuntimeException a BigCommerce failure while the map must be read: the batch is retried
   *     rather than its customers written as B2C
   */
  public Map<Long, CompanyRules.Company> companiesOf(
      String storeHash, Collection<Long> customerIds) {
    if (customerIds.isEmpty() || !enabled(storeHash)) {
      return Map.of();
    }
    StoreMembers members = stores.computeIfAbsent(storeHash, h -> new StoreMembers());
    synchronized (members) {
      long now = clock.millis();
      if (members.loadedAtMs < 0
          || now - members.loadedAtMs
              >= setting(storeHash, "membership-reload", Duration.ofHours(6)).toMillis()) {
        reload(storeHash, members, now);
      } else if (!members.companyOfCustomer.keySet().containsAll(customerIds)
          && now - members.refreshedAtMs
              >= setting(storeHash, "membership-refresh", Duration.ofMinutes(1)).toMillis()) {
        refresh(storeHash, members, now);
      }
      Map<Long, CompanyRules.Company> out = new HashMap<>();
      for (Long customerId : customerIds) {
        Long companyId = members.companyOfCustomer.get(customerId);
        String name = companyId == null ? null : members.companyNames.get(companyId);
        if (name != null) {
          out.put(customerId, new CompanyRules.Company(storeHash + ":b2b:" + companyId, name));
        }
      }
      return out;
    }
  }

  private void reload(String storeHash, StoreMembers members, long now) {
    List<B2bCompanyUser> users = store.companyUsers(storeHash, null);
    List<B2bCompany> companies = store.companies(storeHash, null);
    members.companyOfCustomer.clear();
    members.companyNames.clear();
    users.forEach(user -> put(members, user));
    companies.forEach(company -> members.companyNames.put(company.id(), nameOf(company)));
    members.loadedAtMs = now;
    members.refreshedAtMs = now;
    LOG.info(
        "Store {}: B2B Edition membership read: {} company users in {} companies",
        storeHash,
        users.size(),
        companies.size());
  }

  private void refresh(String storeHash, StoreMembers members, long now) {
    Instant since = Instant.ofEpochMilli(members.refreshedAtMs).minus(OVERLAP);
    List<B2bCompanyUser> users = store.companyUsers(storeHash, since);
    List<B2bCompany> companies = store.companies(storeHash, since);
    users.forEach(user -> put(members, user));
    companies.forEach(company -> members.companyNames.put(company.id(), nameOf(company)));
    members.refreshedAtMs = now;
    LOG.debug(
        "Store {}: B2B Edition membership refreshed: {} users, {} companies changed",
        storeHash,
        users.size(),
        companies.size());
  }

  private static void put(StoreMembers members, B2bCompanyUser user) {
    if (user.customerId() > 0 && user.companyId() > 0) {
      members.companyOfCustomer.put(user.customerId(), user.companyId());
    }
  }

  /** The Account name; a company without one is still a company (Salesforce requires a Name). */
  private static String nameOf(B2bCompany company) {
    return company.name() == null || company.name().isBlank()
        ? "B2B company " + company.id()
        : company.name();
  }

  private Duration setting(String storeHash, String name, Duration fallback) {
    return environment.getProperty(prefix(storeHash) + name, Duration.class).orElse(fallback);
  }

  private static String prefix(String storeHash) {
    return StoreConfig.PREFIX + "." + storeHash + ".b2b.";
  }
}
