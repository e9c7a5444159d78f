package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of {@code PUT /v3/customers}. A null field is left out of the request, so BigCommerce
 * keeps its value: this is a partial update, and it cannot clear a field to null. Addresses and
 * attribute values are separate endpoints on BigCommerce, so they are not here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerUpdate(
    @JsonProperty("id") long id,
    @JsonProperty("email") String email,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    @JsonProperty("company") String company,
    @JsonProperty("phone") String phone,
    @JsonProperty("notes") String notes,
    @JsonProperty("customer_group_id") Long customerGroupId,
    @JsonProperty("tax_exempt_category") String taxExemptCategory) {

  public CustomerUpdate {
    WriteChecks.positive(id, "customer id");
  }

  /** An update of customer {@code id} that changes nothing yet. */
  public static CustomerUpdate of(long id) {
    return new CustomerUpdate(id, null, null, null, null, null, null, null, null);
  }

  public CustomerUpdate withEmail(String value) {
    return new CustomerUpdate(
        id, value, firstName, lastName, company, phone, notes, customerGroupId, taxExemptCategory);
  }

  public CustomerUpdate withName(String first, String last) {
    return new CustomerUpdate(
        id, email, first, last, company, phone, notes, customerGroupId, taxExemptCategory);
  }

  public CustomerUpdate withCompany(String value) {
    return new CustomerUpdate(
        id, email, firstName, lastName, value, phone, notes, customerGroupId, taxExemptCategory);
  }

  public CustomerUpdate withPhone(String value) {
    return new CustomerUpdate(
        id, email, firstName, lastName, company, value, notes, customerGroupId, taxExemptCategory);
  }

  public CustomerUpdate withNotes(String value) {
    return new CustomerUpdate(
        id, email, firstName, lastName, company, phone, value, customerGroupId, taxExemptCategory);
  }

  /** 0 removes the customer from every group. */
  public CustomerUpdate withCustomerGroupId(long value) {
    return new CustomerUpdate(
        id, email, firstName, lastName, company, phone, notes, value, taxExemptCategory);
  }

  public CustomerUpdate withTaxExemptCategory(String value) {
    return new CustomerUpdate(
        id, email, firstName, lastName, company, phone, notes, customerGroupId, value);
  }
}
