package io.bcsync.sim.bigcommerce.customers;

import static io.bcsync.sim.bigcommerce.http.Formats.v3Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Batches;
import io.bcsync.sim.bigcommerce.http.CursorPaging;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Customer;
import io.bcsync.sim.bigcommerce.store.CustomerAddress;
import io.bcsync.sim.bigcommerce.store.Events;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * V3 customers: filtered list (page or cursor paging, {@link CursorPaging}), batch create/update
 * (≤10, 413 above), delete by id:in.
 */
public final class V3CustomersApi {
  private static final int BATCH_MAX = 10;

  /** BigCommerce allows 3 concurrent PUT /v3/customers per store. */
  public static final String PUT_CONCURRENCY_KEY = "PUT /v3/customers";

  public void register(Router r) {
    r.add("GET", "/v3/customers", this::list);
    r.add("POST", "/v3/customers", this::create);
    r.add("PUT", "/v3/customers", PUT_CONCURRENCY_KEY, this::update);
    r.add("DELETE", "/v3/customers", this::delete);
    r.add("GET", "/v3/customers/addresses", this::addresses);
  }

  private ApiResponse list(ApiRequest req) {
    Predicate<Customer> p = c -> true;
    Optional<List<String>> ids = req.queryList("id:in");
    Optional<List<String>> emails = req.queryList("email:in");
    Optional<List<String>> groups = req.queryList("customer_group_id:in");
    Optional<Instant> modMin = req.queryDate("date_modified:min");
    Optional<Instant> modMax = req.queryDate("date_modified:max");
    Optional<Instant> createdMin = req.queryDate("date_created:min");
    if (ids.isPresent()) p = p.and(c -> ids.get().contains(String.valueOf(c.id)));
    // UNVERIFIED: BigCommerce's email:in case sensitivity is undocumented; matched
    // case-insensitively here.
    if (emails.isPresent()) {
      List<String> lower = emails.get().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
      p = p.and(c -> lower.contains(c.email.toLowerCase(Locale.ROOT)));
    }
    if (groups.isPresent())
      p = p.and(c -> groups.get().contains(String.valueOf(c.customerGroupId)));
    if (modMin.isPresent()) p = p.and(c -> !c.dateModified.isBefore(modMin.get()));
    if (modMax.isPresent()) p = p.and(c -> !c.dateModified.isAfter(modMax.get()));
    if (createdMin.isPresent()) p = p.and(c -> !c.dateCreated.isBefore(createdMin.get()));
    List<Customer> all =
        req.store().customers.values().stream().filter(p).sorted(sort(req)).toList();
    boolean withAddresses =
        req.queryList("include").map(l -> l.contains("addresses")).orElse(false);
    return ApiResponse.ok(
        CursorPaging.collection(req, all, c -> c.id, c -> customer(c, withAddresses), 50));
  }

  private static java.util.Comparator<Customer> sort(ApiRequest req) {
    String spec = req.query("sort").orElse("id:asc");
    java.util.Comparator<Customer> c =
        switch (spec.split(":")[0]) {
          case "date_created" -> java.util.Comparator.comparing(x -> x.dateCreated);
          case "date_modified" -> java.util.Comparator.comparing(x -> x.dateModified);
          case "last_name" -> java.util.Comparator.comparing(x -> x.lastName);
          default -> java.util.Comparator.comparingLong(x -> x.id);
        };
    c = c.thenComparingLong(x -> x.id);
    return spec.endsWith(":desc") ? c.reversed() : c;
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = Batches.array(req, BATCH_MAX);
    body.forEach(item -> CustomerOperations.checkGroup(req.store(), item));
    ArrayNode data = Json.array();
    for (JsonNode item : body) {
      data.add(customer(CustomerOperations.create(req.store(), item, true), true));
    }
    return ApiResponse.ok(Paging.v3Batch(data));
  }

  private ApiResponse update(ApiRequest req) {
    JsonNode body = Batches.array(req, BATCH_MAX);
    for (JsonNode item : body) {
      if (!item.hasNonNull("id") || !req.store().customers.containsKey(item.get("id").asLong())) {
        throw ApiException.unprocessable(
            "id", "Customer " + item.path("id").asText("(missing)") + " does not exist.");
      }
      CustomerOperations.checkGroup(req.store(), item);
    }
    ArrayNode data = Json.array();
    for (JsonNode item : body) {
      Customer c = req.store().customers.get(item.get("id").asLong());
      CustomerOperations.update(req.store(), c, item);
      data.add(customer(c, false));
    }
    return ApiResponse.ok(Paging.v3Batch(data));
  }

  private ApiResponse delete(ApiRequest req) {
    // Without id:in BigCommerce answers 204 and deletes nothing.
    List<String> ids = req.queryList("id:in").orElse(List.of());
    for (String id : ids) {
      Customer removed = req.store().customers.remove(Long.parseLong(id));
      if (removed != null) {
        req.store().publish("store/customer/deleted", Events.resource("customer", removed.id));
      }
    }
    return ApiResponse.noContent();
  }

  private ApiResponse addresses(ApiRequest req) {
    Optional<List<String>> customerIds = req.queryList("customer_id:in");
    List<CustomerAddress> all =
        req.store().customers.values().stream()
            .filter(c -> customerIds.map(l -> l.contains(String.valueOf(c.id))).orElse(true))
            .flatMap(c -> c.addresses.stream())
            .toList();
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(all).forEach(a -> data.add(address(a)));
    return ApiResponse.ok(Paging.v3Collection(data, all.size(), page));
  }

  public static ObjectNode customer(Customer c, boolean withAddresses) {
    ObjectNode n = Json.object();
    n.put("id", c.id);
    n.putObject("authentication").put("force_password_reset", false);
    n.put("company", c.company);
    n.put("customer_group_id", c.customerGroupId);
    n.put("email", c.email);
    n.put("first_name", c.firstName);
    n.put("last_name", c.lastName);
    n.put("notes", c.notes);
    n.put("phone", c.phone);
    n.put("registration_ip_address", c.registrationIpAddress);
    n.put("tax_exempt_category", c.taxExemptCategory);
    n.put("date_created", v3Date(c.dateCreated));
    n.put("date_modified", v3Date(c.dateModified));
    n.put("accepts_product_review_abandoned_cart_emails", c.acceptsMarketing);
    n.put("origin_channel_id", c.originChannelId);
    if (c.channelIds == null) {
      n.putNull("channel_ids");
    } else {
      ArrayNode ch = n.putArray("channel_ids");
      c.channelIds.forEach(ch::add);
    }
    n.put("address_count", c.addresses.size());
    n.put("attribute_count", 0);
    if (withAddresses) {
      ArrayNode addresses = n.putArray("addresses");
      c.addresses.stream().limit(10).forEach(a -> addresses.add(address(a)));
    }
    return n;
  }

  static ObjectNode address(CustomerAddress a) {
    ObjectNode n = Json.object();
    n.put("id", a.id);
    n.put("customer_id", a.customerId);
    n.put("first_name", a.firstName);
    n.put("last_name", a.lastName);
    n.put("company", a.company);
    n.put("address1", a.address1);
    n.put("address2", a.address2);
    n.put("city", a.city);
    n.put("state_or_province", a.stateOrProvince);
    n.put("postal_code", a.postalCode);
    n.put("country_code", a.countryCode);
    n.put("country", a.country);
    n.put("phone", a.phone);
    n.put("address_type", a.addressType);
    return n;
  }
}
