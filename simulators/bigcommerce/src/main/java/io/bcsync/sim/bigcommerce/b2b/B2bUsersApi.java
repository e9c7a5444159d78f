package io.bcsync.sim.bigcommerce.b2b;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.customers.CustomerOperations;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Company;
import io.bcsync.sim.bigcommerce.store.CompanyUser;
import io.bcsync.sim.bigcommerce.store.Customer;
import io.bcsync.sim.bigcommerce.store.Store;
import java.util.List;
import java.util.Optional;

/**
 * B2B Edition company users (user.yaml of the B2B REST management spec): every user is a
 * BigCommerce customer acting for one company. Creating a user for an e-mail that has no customer
 * yet creates the customer, in the company's customer group, as B2B Edition does; an existing
 * customer with that e-mail becomes the user.
 */
public final class B2bUsersApi {
  public void register(Router r) {
    r.add("GET", "/users", this::list);
    r.add("POST", "/users", this::create);
    r.add("GET", "/users/{id}", this::get);
    r.add("DELETE", "/users/{id}", this::delete);
    r.add("GET", "/users/customer/{customerId}", this::byCustomer);
  }

  /**
   * Filters {@code companyId}, {@code email} (exact), {@code minModified} (updatedAt later than,
   * Unix seconds).
   */
  private ApiResponse list(ApiRequest req) {
    long offset = req.queryLong("offset").orElse(0L);
    long limit = Math.min(250, req.queryLong("limit").orElse(10L));
    if (offset < 0 || limit < 1) {
      throw new ApiException(422, "offset and limit must be a non-negative and a positive integer");
    }
    Optional<Long> companyId = req.queryLong("companyId");
    Optional<Long> minModified = req.queryLong("minModified");
    Optional<String> email = req.query("email");
    List<CompanyUser> all =
        req.store().companyUsers.values().stream()
            .filter(u -> companyId.map(id -> u.companyId == id).orElse(true))
            .filter(u -> minModified.map(m -> u.updatedAt.getEpochSecond() > m).orElse(true))
            .filter(u -> email.map(e -> u.email.equalsIgnoreCase(e)).orElse(true))
            .toList();
    ArrayNode data = Json.array();
    all.stream().skip(offset).limit(limit).forEach(u -> data.add(user(u)));
    ObjectNode body = B2bCompaniesApi.envelope(200, data);
    ((ObjectNode) body.get("meta"))
        .putObject("pagination")
        .put("totalCount", all.size())
        .put("offset", offset)
        .put("limit", limit);
    return ApiResponse.ok(body);
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = req.json();
    for (String field :
        List.of("firstName", "lastName", "email", "companyId", "role", "channelIds")) {
      if (!body.hasNonNull(field)) {
        throw new ApiException(422, field + " may not be null");
      }
    }
    int role = body.get("role").asInt(-1);
    if (role < 0 || role > 2) {
      throw new ApiException(422, "\"" + body.get("role").asText() + "\" is not a valid choice");
    }
    Store store = req.store();
    Company company = store.companies.get(body.get("companyId").asLong());
    if (company == null) {
      throw new ApiException(422, "Company does not exist");
    }
    String email = body.get("email").asText().trim();
    if (store.companyUsers.values().stream().anyMatch(u -> u.email.equalsIgnoreCase(email))) {
      throw new ApiException(422, "Email already exists. ['" + email + "']");
    }
    Customer customer =
        store.customers.values().stream()
            .filter(c -> c.email.equalsIgnoreCase(email))
            .findFirst()
            .orElseGet(
                () ->
                    CustomerOperations.create(
                        store,
                        Json.object()
                            .put("email", email)
                            .put("first_name", body.get("firstName").asText())
                            .put("last_name", body.get("lastName").asText())
                            .put("customer_group_id", company.customerGroupId),
                        true));
    CompanyUser u = new CompanyUser();
    u.id = store.nextId();
    u.companyId = company.id;
    u.customerId = customer.id;
    u.firstName = body.get("firstName").asText();
    u.lastName = body.get("lastName").asText();
    u.email = email;
    u.phoneNumber = Json.text(body, "phoneNumber", "");
    u.role = role;
    u.createdAt = req.now();
    u.updatedAt = req.now();
    store.companyUsers.put(u.id, u);
    return ApiResponse.ok(
        B2bCompaniesApi.envelope(200, Json.object().put("userId", u.id).put("bcId", customer.id)));
  }

  private ApiResponse get(ApiRequest req) {
    CompanyUser u = req.store().companyUsers.get(req.pathId("id"));
    if (u == null) {
      throw new ApiException(404, "User not found");
    }
    return ApiResponse.ok(B2bCompaniesApi.envelope(200, user(u)));
  }

  /**
   * The last user of a company cannot be deleted (spec: "The last user in company can not be
   * deleted.").
   */
  private ApiResponse delete(ApiRequest req) {
    Store store = req.store();
    CompanyUser u = store.companyUsers.get(req.pathId("id"));
    if (u == null) {
      throw new ApiException(404, "User not found");
    }
    if (store.companyUsers.values().stream().filter(o -> o.companyId == u.companyId).count() == 1) {
      throw new ApiException(422, "The last user in company can not be deleted.");
    }
    store.companyUsers.remove(u.id);
    return ApiResponse.ok(B2bCompaniesApi.envelope(200, Json.object()));
  }

  private ApiResponse byCustomer(ApiRequest req) {
    long customerId = req.pathId("customerId");
    CompanyUser u =
        req.store().companyUsers.values().stream()
            .filter(x -> x.customerId == customerId)
            .findFirst()
            .orElseThrow(() -> new ApiException(404, "User not found"));
    return ApiResponse.ok(B2bCompaniesApi.envelope(200, user(u)));
  }

  static ObjectNode user(CompanyUser u) {
    ObjectNode n = Json.object();
    n.put("id", u.id);
    n.put("firstName", u.firstName);
    n.put("lastName", u.lastName);
    n.put("email", u.email);
    n.put("phoneNumber", u.phoneNumber);
    n.put("role", u.role);
    n.put("uuid", "");
    n.putArray("extraFields");
    n.put("companyId", u.companyId);
    n.put("createdAt", u.createdAt.getEpochSecond());
    n.put("updatedAt", u.updatedAt.getEpochSecond());
    n.put("customerId", u.customerId);
    n.put(
        "companyRoleName",
        switch (u.role) {
          case 0 -> "Admin";
          case 1 -> "Senior Buyer";
          default -> "Junior Buyer";
        });
    n.putArray("channelList")
        .addObject()
        .put("channelId", 1)
        .put("channelName", "Default Storefront")
        .put("iconUrl", "");
    return n;
  }
}
