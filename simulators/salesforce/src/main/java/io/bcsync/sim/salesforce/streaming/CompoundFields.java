package io.bcsync.sim.salesforce.streaming;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CDC sends address and person-name parts nested in their compound field (BillingAddress.City,
 * Name.LastName); changedFields name them with the dotted path.
 */
final class CompoundFields {
  private static final List<String> ADDRESS_PARTS =
      List.of("Street", "City", "State", "PostalCode", "Country");
  private static final Map<String, List<String>> ADDRESS_PREFIXES =
      Map.of(
          "Account", List.of("Billing", "Shipping"),
          "Contact", List.of("Mailing"),
          "Order", List.of("Billing", "Shipping"),
          "Lead", List.of(""));
  private static final List<String> NAME_OBJECTS = List.of("Contact", "Lead", "User");
  private static final List<String> NAME_PARTS = List.of("Salutation", "FirstName", "LastName");

  private CompoundFields() {}

  /**
   * The compound field and component for a field, e.g. (BillingAddress, City) for
   * Account.BillingCity.
   */
  record Part(String compound, String component) {
    String dotted() {
      return compound + "." + component;
    }
  }

  static Optional<Part> of(String entity, String field) {
    if (NAME_OBJECTS.contains(entity) && NAME_PARTS.contains(field)) {
      return Optional.of(new Part("Name", field));
    }
    for (String prefix : ADDRESS_PREFIXES.getOrDefault(entity, List.of())) {
      for (String part : ADDRESS_PARTS) {
        if (field.equals(prefix + part)) {
          return Optional.of(new Part(prefix + "Address", part));
        }
      }
    }
    return Optional.empty();
  }
}
