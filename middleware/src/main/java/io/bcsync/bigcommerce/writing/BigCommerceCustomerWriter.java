package io.bcsync.bigcommerce.writing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.CatalogDtos;
import io.bcsync.bigcommerce.client.CustomerUpdate;
import io.bcsync.bigcommerce.client.CustomersApi;
import io.bcsync.bigcommerce.client.PriceListAssignmentCreate;
import io.bcsync.bigcommerce.client.PricingApi;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.sync.port.CustomerWriter;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link CustomerWriter} port over {@code PUT /v3/customers} (and {@code POST} for new
 * customers, {@code /v3/pricelists/assignments} for a group's price list): ten customers per call
 * (the platform's limit, 413 above it); a segment's group goes in the same call as {@code
 * customer_group_id}. BigCommerce refuses the whole batch (422) when one customer does not exist or
 * one value is invalid, so such a batch is split in halves until the refused customer stands alone
 * ({@link BigCommerceCatalogWriter#write}); every other customer is still written.
 */
@Singleton
public class BigCommerceCustomerWriter implements CustomerWriter {
  static final int CUSTOMERS_PER_CALL = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

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
                  .withCompany(f.company())
                  .withNotes(f.notes())
                  .withTaxExemptCategory(f.taxExemptCategory());
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
                        c.firstName(),
                        c.lastName(),
                        c.phone(),
                        c.company(),
                        c.customerGroupId(),
                        c.notes(),
                        c.taxExemptCategory())));
    return found;
  }

  @Override
  public Map<String, Long> customersByEmail(String storeHash, Collection<String> emails) {
    Map<String, Long> found = new LinkedHashMap<>();
    if (emails.isEmpty()) {
      return found;
    }
    client
        .forStore(storeHash)
        .customers()
        .readByEmails(emails)
        .forEach(c -> found.merge(c.email().toLowerCase(Locale.ROOT), c.id(), Math::min));
    return found;
  }

  @Override
  public Created createCustomers(String storeHash, Map<String, CustomerFields> byEmail) {
    Map<String, Long> ids = new LinkedHashMap<>();
    Map<String, WriteFailure> failed = new LinkedHashMap<>();
    if (byEmail.isEmpty()) {
      return new Created(ids, failed);
    }
    CustomersApi customers;
    try {
      customers = client.forStore(storeHash).customers();
    } catch (PermanentFailureException e) {
      byEmail.keySet().forEach(m -> failed.put(m, new WriteFailure(e.getMessage(), false)));
      return new Created(ids, failed);
    }
    List<ObjectNode> bodies = new ArrayList<>();
    byEmail.forEach((email, f) -> bodies.add(body(email, f)));
    for (int from = 0; from < bodies.size(); from += CUSTOMERS_PER_CALL) {
      BigCommerceCatalogWriter.write(
          bodies.subList(from, Math.min(bodies.size(), from + CUSTOMERS_PER_CALL)),
          batch ->
              customers
                  .create(batch)
                  .forEach(c -> ids.put(c.email().toLowerCase(Locale.ROOT), c.id())),
          b -> b.get("email").asText().toLowerCase(Locale.ROOT),
          failed);
    }
    if (!failed.isEmpty()) {
      // "Already exists" is never a permanent failure: a customer refused because its e-mail is in
      // use (a shopper signed up meanwhile, or our own earlier call committed) is that customer.
      try {
        customersByEmail(storeHash, failed.keySet())
            .forEach(
                (email, id) -> {
                  failed.remove(email);
                  ids.put(email, id);
                });
      } catch (RuntimeException e) {
        failed.replaceAll((email, f) -> new WriteFailure(f.message(), true));
      }
    }
    return new Created(ids, failed);
  }

  /** A V3 {@code customer_Post} body: e-mail, names and the other fields that are set. */
  private ObjectNode body(String email, CustomerFields f) {
    ObjectNode body = JSON.createObjectNode().put("email", email);
    body.put("first_name", f.firstName()).put("last_name", f.lastName());
    if (f.phone() != null) body.put("phone", f.phone());
    if (f.company() != null) body.put("company", f.company());
    if (f.notes() != null) body.put("notes", f.notes());
    if (f.taxExemptCategory() != null) body.put("tax_exempt_category", f.taxExemptCategory());
    if (f.customerGroupId() != null) body.put("customer_group_id", f.customerGroupId());
    return body;
  }

  @Override
  public WriteFailure assignPriceList(
      String storeHash, long customerGroupId, long priceListId, Long channelId) {
    long channel = channelId == null ? 0 : channelId;
    try {
      PricingApi pricing = client.forStore(storeHash).pricing();
      List<CatalogDtos.PriceListAssignment> current = pricing.assignmentsOfGroup(customerGroupId);
      if (current.stream()
          .anyMatch(a -> a.priceListId() == priceListId && a.channelId() == channel)) {
        return null;
      }
      // A group has one list per channel; another list there would contradict the mapping.
      for (CatalogDtos.PriceListAssignment other : current) {
        if (other.channelId() == channel) {
          pricing.deleteAssignment(other.id());
        }
      }
      pricing.createAssignments(
          List.of(new PriceListAssignmentCreate(priceListId, customerGroupId, channelId)));
      return null;
    } catch (PermanentFailureException e) {
      return new WriteFailure(e.getMessage(), false);
    } catch (RuntimeException e) {
      return new WriteFailure(e.getMessage(), true);
    }
  }
}
