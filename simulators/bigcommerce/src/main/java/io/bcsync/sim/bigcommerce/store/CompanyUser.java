package io.bcsync.sim.bigcommerce.store;

import java.time.Instant;

/**
 * A B2B Edition company user: a BigCommerce customer ({@code customerId}) acting for one company.
 */
public final class CompanyUser {
  public long id;
  public long companyId;
  public long customerId;
  public String firstName;
  public String lastName;
  public String email;
  public String phoneNumber = "";

  /** 0 admin, 1 senior buyer, 2 junior buyer. */
  public int role;

  public Instant createdAt;
  public Instant updatedAt;
}
