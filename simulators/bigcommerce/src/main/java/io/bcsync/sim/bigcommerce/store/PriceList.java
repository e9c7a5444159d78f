package io.bcsync.sim.bigcommerce.store;

import java.time.Instant;

/** A V3 price list. */
public final class PriceList {
  public long id;
  public String name;
  public boolean active = true;
  public Instant dateCreated;
  public Instant dateModified;
}
