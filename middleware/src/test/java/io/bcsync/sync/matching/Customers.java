package io.bcsync.sync.matching;

/** Test customers for store {@code abc123}. */
final class Customers {
  static final String STORE = "abc123";

  private Customers() {}

  static CustomerProfile registered(long id, String email) {
    return new CustomerProfile(
        "customer " + id, STORE, id, email, "Jane", "Doe", null, null, "78108", "US");
  }

  static CustomerProfile guest(String email, String phone) {
    return new CustomerProfile(
        "guest order 1", STORE, null, email, "Jane", "Doe", null, phone, "78108", "US");
  }

  static CustomerProfile guestNamed(String first, String last, String postal) {
    return new CustomerProfile(
        "guest order 2", STORE, null, null, first, last, null, null, postal, "GB");
  }
}
