package io.bcsync.sim.bigcommerce.store;

/** A billing or shipping address on an order (V2 field names). */
public final class Address {
  public long id;
  public String firstName = "";
  public String lastName = "";
  public String company = "";
  public String street1 = "";
  public String street2 = "";
  public String city = "";
  public String state = "";
  public String zip = "";
  public String country = "United States";
  public String countryIso2 = "US";
  public String phone = "";
  public String email = "";

  public Address copy() {
    Address a = new Address();
    a.firstName = firstName;
    a.lastName = lastName;
    a.company = company;
    a.street1 = street1;
    a.street2 = street2;
    a.city = city;
    a.state = state;
    a.zip = zip;
    a.country = country;
    a.countryIso2 = countryIso2;
    a.phone = phone;
    a.email = email;
    return a;
  }
}
