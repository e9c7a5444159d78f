package io.bcsync.bigcommerce.writing;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.CustomerUpdate;
import io.bcsync.bigcommerce.client.CustomersApi;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.sync.port.CustomerWriter;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link CustomerWriter} port over {@code PUT /v3/customers}: ten customers per call (the
 * platform's limit, 413 above it); a segment's group goes in the same call as {@code
 * customer_group_id}. BigCommerce refuses the whole batch (422) when one customer does not exist or
 * one value is invalid, so such a batch is split in halves until the refused customer stands alone
 * ({@link BigCommerceCatalogWriter#write}); every other customer is still written.
 */
@Singleton
public class BigCommerceCustomerWriter implements CustomerWriter {
  static final int CUSTOMERS_PER_CALL = 10;

  private final BigCommerceClient client;

  public BigCommerceCustomerWriter(BigCommerceClient client) {
    this.client = client;
  }

  @Override
  public Map<Long, WriteFailure> updateCustomers(
      String storeHash, Map<Long, CustomerFields> fields) {
    Map<Long, WriteFailure> failed = new LinkedHashMap<>();
    List<CustomerUpdate> updates = new ArrayList<>();
    fields.forEach(
        (id, f) -> {
          CustomerUpdate update =
              CustomerUpdate.of(id)
                  .withName(f.firstName(), f.lastName())
                  .withPhone(f.phone())
                  .withCompany(f.company());
          updates.add(
              f.customerGroupId() == null
                  ? update
                  : update.withCustomerGroupId(f.customerGroupId()));
        });
    CustomersApi customers;
    try {
      customers = client.forStore(storeHash).customers();
    } catch (PermanentFailureException e) {
      fields.keySet().forEach(id -> failed.put(id, new WriteFailure(e.getMessage(), false)));
      return failed;
    }
    for (int from = 0; from < updates.size(); from += CUSTOMERS_PER_CALL) {
      BigCommerceCatalogWriter.write(
          updates.subList(from, Math.min(updates.size(), from + CUSTOMERS_PER_CALL)),
          customers::update,
          CustomerUpdate::id,
          failed);
    }
    return failed;
  }

  @Override
  public Map<Long, CustomerFields> customers(String storeHash, Collection<Long> customerIds) {
    Map<Long, CustomerFields> found = new LinkedHashMap<>();
    client
        .forStore(storeHash)
        .customers()
        .readByIds(customerIds)
        .forEach(
            (id, c) ->
                found.put(
                    id,
                    new CustomerFields(
                        c.firstName(), c.lastName(), c.phone(), c.company(), c.customerGroupId())));
    return found;
  }
}
