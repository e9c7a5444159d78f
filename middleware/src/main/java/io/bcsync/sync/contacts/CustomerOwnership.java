package io.bcsync.sync.contacts;

import io.bcsync.config.ReverseSyncConfig;
import io.bcsync.sync.SyncConfigs;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which customer fields each side owns, per store (issue 17, field ownership). Salesforce owns the
 * fields the store's mapping file lists in {@code ownership.customer_fields}, else those of {@code
 * bcsync.sync.reverse.customer-fields} (default {@code phone} and {@code company}); BigCommerce
 * owns the rest of the customer. Each side's changes to a field the other owns are not written: a
 * Contact writes only Salesforce-owned fields to its customer ({@link ContactFlow}), and a
 * customer's update leaves the Salesforce-owned fields of its existing Contact alone (the forward
 * planner), so an edit made on both sides at once ends with the owner's value on both, whichever is
 * processed first.
 */
@Singleton
public class CustomerOwnership {
  /** The Contact field the forward sync fills from each customer field Salesforce can own. */
  private static final Map<String, String> CONTACT_FIELD =
      Map.of("first_name", "FirstName", "last_name", "LastName", "phone", "Phone");

  /** Nothing owned by Salesforce: the forward sync writes every mapped field (planner tests). */
  public static final CustomerOwnership NONE = new CustomerOwnership(List.of());

  private final List<String> global;
  private final BeanProvider<SyncConfigs> configs;

  public CustomerOwnership(ReverseSyncConfig config, BeanProvider<SyncConfigs> configs) {
    this.global = config.customerFields();
    this.configs = configs;
  }

  private CustomerOwnership(List<String> none) {
    this.global = none;
    this.configs = null;
  }

  /** The customer fields Salesforce owns in this store. */
  public List<String> salesforceOwned(String storeHash) {
    if (configs == null || !configs.isPresent()) {
      return global;
    }
    return salesforceOwned(configs.get().forStore(storeHash));
  }

  /** The customer fields Salesforce owns under this store's configuration. */
  public List<String> salesforceOwned(SyncConfigs.Loaded cfg) {
    if (configs == null) {
      return global;
    }
    // A field the store maps from a Contact field (customers.fields) is Salesforce's there; the
    // mapping reader refuses a file whose ownership list leaves a mapped field out.
    Set<String> owned = new LinkedHashSet<>(cfg.config().salesforceCustomerFields().orElse(global));
    owned.addAll(cfg.config().reverse().customers().fields().keySet());
    return List.copyOf(owned);
  }

  /** The Contact fields an update from BigCommerce must not overwrite in this store. */
  public Set<String> contactFieldsOwnedBySalesforce(SyncConfigs.Loaded cfg) {
    Set<String> fields = new LinkedHashSet<>();
    salesforceOwned(cfg).stream()
        .map(CONTACT_FIELD::get)
        .filter(java.util.Objects::nonNull)
        .forEach(fields::add);
    // A mapped field's Contact source (notes from Description) is Salesforce's too.
    if (configs != null) {
      salesforceOwned(cfg).stream()
          .map(cfg.config().reverse().customers()::source)
          .filter(java.util.Objects::nonNull)
          .forEach(fields::add);
    }
    return fields;
  }
}
