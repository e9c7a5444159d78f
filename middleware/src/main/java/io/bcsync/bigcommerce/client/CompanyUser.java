package io.bcsync.bigcommerce.client;

import static io.bcsync.bigcommerce.client.Fields.date;
import static io.bcsync.bigcommerce.client.Fields.longValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A B2B Edition company user as {@code GET /users} returns it: which BigCommerce customer acts for
 * which company. Names, e-mail and roles are not kept: the sync needs only the membership.
 *
 * @param customerId the BigCommerce customer id (not the B2B user id)
 * @param updatedAt Unix seconds on the wire
 */
public record CompanyUser(long id, long customerId, long companyId, Instant updatedAt) {
  static CompanyUser from(JsonNode n) {
    return new CompanyUser(
        longValue(n, "id"),
        longValue(n, "customerId"),
        longValue(n, "companyId"),
        date(n, "updatedAt"));
  }
}
