package io.bcsync.bigcommerce.client;

import static io.bcsync.bigcommerce.client.Fields.date;
import static io.bcsync.bigcommerce.client.Fields.elements;
import static io.bcsync.bigcommerce.client.Fields.longValue;
import static io.bcsync.bigcommerce.client.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A B2B Edition company as the companies API returns it (camelCase). The spec types several numbers
 * as strings ({@code companyStatus}, {@code catalogId}, {@code updatedAt}, sometimes {@code
 * bcGroupId}), so every number is read from either form.
 *
 * @param customerGroupId the BigCommerce customer group the company's buyers belong to (0 = none);
 *     read from {@code customerGroupId}, or {@code bcGroupId} (the name the list and detail
 *     responses document)
 * @param externalId the {@code uuid} an ERP or other external system assigned, if any
 * @param parentCompanyId the parent in an account hierarchy, 0 at the top
 * @param createdAt Unix seconds on the wire
 */
public record Company(
    long id,
    String name,
    String email,
    String phone,
    CompanyStatus status,
    long customerGroupId,
    String customerGroupName,
    long catalogId,
    String externalId,
    long parentCompanyId,
    CompanyAddress address,
    List<ExtraField> extraFields,
    Instant createdAt,
    Instant updatedAt) {

  /** Company status codes 0–3; anything else (a future code) is {@link #UNKNOWN}, not a failure. */
  public enum CompanyStatus {
    PENDING,
    APPROVED,
    REJECTED,
    INACTIVE,
    UNKNOWN;

    static CompanyStatus of(JsonNode value) {
      if (value == null || value.isNull() || value.asText().isBlank()) {
        return UNKNOWN;
      }
      long code = value.asLong(-1);
      return code >= 0 && code <= 3 ? values()[(int) code] : UNKNOWN;
    }
  }

  public record CompanyAddress(
      String line1, String line2, String city, String state, String zipCode, String country) {}

  /** A merchant-defined company field, e.g. a tax code; only returned when asked for. */
  public record ExtraField(String name, String value) {}

  static Company from(JsonNode n) {
    long groupId =
        n.hasNonNull("customerGroupId")
            ? longValue(n, "customerGroupId")
            : longValue(n, "bcGroupId");
    return new Company(
        longValue(n, "companyId"),
        text(n, "companyName"),
        text(n, "companyEmail"),
        text(n, "companyPhone"),
        CompanyStatus.of(n.get("companyStatus")),
        groupId,
        text(n, "bcGroupName"),
        longValue(n, "catalogId"),
        blankToNull(text(n, "uuid")),
        longValue(n.path("parentCompany"), "id"),
        new CompanyAddress(
            text(n, "addressLine1"),
            text(n, "addressLine2"),
            text(n, "city"),
            text(n, "state"),
            text(n, "zipCode"),
            text(n, "country")),
        elements(n.get("extraFields")).stream()
            .map(f -> new ExtraField(text(f, "fieldName"), text(f, "fieldValue")))
            .toList(),
        date(n, "createdAt"),
        date(n, "updatedAt"));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
