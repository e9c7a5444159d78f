package io.bcsync.sim.bigcommerce.store;

/** A customer's saved address (V3 field names). */
public final class CustomerAddress {
  public long id;
  public long customerId;
  public String firstName;
  public String lastName;
  public String company = "";
  public String address1;
  public String address2 = "";
  public String city;
  public String stateOrProvince = "";
  public String postalCode = "";
  public String countryCode;
  public String country = "";
  public String phone = "";
  public String addressType = "residential";
}
