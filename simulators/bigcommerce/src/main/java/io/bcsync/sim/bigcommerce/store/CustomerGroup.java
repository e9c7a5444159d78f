package io.bcsync.sim.bigcommerce.store;

import java.time.Instant;

/** A V2 customer group. */
public final class CustomerGroup {
  public long id;
  public String name;
  public boolean isDefault;
  public boolean isGroupForGuests;
  public String categoryAccessType = "all";
  public Instant dateCreated;
  public Instant dateModified;
}
