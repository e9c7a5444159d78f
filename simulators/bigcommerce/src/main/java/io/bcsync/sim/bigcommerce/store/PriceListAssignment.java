package io.bcsync.sim.bigcommerce.store;

/** Binds a price list to a customer group on a channel. */
public final class PriceListAssignment {
  public long id;
  public long priceListId;
  public long customerGroupId;

  /** 0: no channel, the list applies to the group on every channel. */
  public long channelId;
}
