package io.bcsync.sim.bigcommerce.store;

import java.time.Instant;

/** A B2B Edition company. */
public final class Company {
  public long id;
  public String name;
  public String email = "";
  public String phone = "";
  public int status = 1;
  public long customerGroupId;
  public String country = "United States";
  public String addressLine1 = "";
  public String city = "";
  public String state = "";
  public String zipCode = "";
  public Instant createdAt;
  public Instant updatedAt;
}
