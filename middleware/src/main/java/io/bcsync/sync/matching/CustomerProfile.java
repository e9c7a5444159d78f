package io.bcsync.sync.matching;

import java.util.Optional;

/**
 * A BigCommerce customer reduced to what matching needs, built from a V3 customer or from a guest
 * order's billing address ({@link CustomerProfiles}). Values are as BigCommerce sent them; the
 * matching rules normalise them.
 *
 * @param origin where the profile came from, for reports ("customer 11", "guest order 218"), never
 *     contact data
 * @param storeHash the store the customer belongs to; external ids are qualified by it
 * @param customerId BigCommerce customer id, or {@code null} for a guest (V2 orders carry {@code
 *     customer_id} 0)
 * @param countryIso2 the customer's country, used as the region when a phone number has no country
 *     code
 */
public record CustomerProfile(
    String origin,
    String storeHash,
    Long customerId,
    String email,
    String firstName,
    String lastName,
    String company,
    String phone,
    String postalCode,
    String countryIso2) {

  public boolean isGuest() {
    return customerId == null;
  }

  /**
   * {@code {store_hash}:{customer_id}}, the value of {@code Contact.BC_Customer_Id__c}; empty for
   * guests.
   */
  public Optional<String> externalId() {
    return isGuest() ? Optional.empty() : Optional.of(ExternalIds.customer(storeHash, customerId));
  }

  /** A label for reports that names the customer without revealing contact details. */
  public String reference() {
    return storeHash + " " + origin;
  }
}
