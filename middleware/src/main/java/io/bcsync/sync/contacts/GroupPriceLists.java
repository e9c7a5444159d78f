package io.bcsync.sync.contacts;

import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.mapping.ReverseMapping;
import io.bcsync.sync.port.CustomerWriter;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * <b>A customer group carries its price list.</b> A store whose mapping file maps a group to a
 * price list ({@code segments.price_lists: {12: 7}}) gets that price-list assignment (group ↔ list,
 * on {@code segments.channel_id} or on every channel) before a Contact moves a customer into the
 * group, so a tier change also changes the prices the customer sees. Idempotent: the group's
 * assignments are read first and nothing is written when the wanted one exists; a lost answer is
 * found on the retry. Each assignment is checked once per process (then remembered), so a burst of
 * tier changes costs one read per group, not per customer; an assignment the merchant removes later
 * is put back on the next start.
 */
@Singleton
public class GroupPriceLists {
  private final CustomerWriter customers;
  private final BeanProvider<SyncConfigs> configs;
  private final Set<String> checked = ConcurrentHashMap.newKeySet();

  public GroupPriceLists(CustomerWriter customers, BeanProvider<SyncConfigs> configs) {
    this.customers = customers;
    this.configs = configs;
  }

  /**
   * Makes sure each of these groups that the store maps to a price list has its assignment; answers
   * the groups whose assignment could not be made.
   */
  Map<Long, WriteFailure> ensure(String storeHash, Collection<Long> groups) {
    Map<Long, WriteFailure> failed = new LinkedHashMap<>();
    if (!configs.isPresent()) {
      return failed;
    }
    ReverseMapping.GroupPriceLists lists =
        configs.get().forStore(storeHash).config().reverse().groupPriceLists();
    for (Long group : new java.util.LinkedHashSet<>(groups)) {
      Long list = group == null ? null : lists.byGroup().get(group);
      if (list == null) {
        continue;
      }
      String key = storeHash + "/" + group + "/" + list + "/" + lists.channelId();
      if (checked.contains(key)) {
        continue;
      }
      WriteFailure failure = customers.assignPriceList(storeHash, group, list, lists.channelId());
      if (failure == null) {
        checked.add(key);
      } else {
        failed.put(group, failure);
      }
    }
    return failed;
  }
}
