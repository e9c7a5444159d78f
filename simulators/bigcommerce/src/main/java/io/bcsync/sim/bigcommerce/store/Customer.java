package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A registered customer (V3 shape). Guests are not customers: their orders carry customer_id 0. */
public final class Customer {
  public long id;
  public String email;
  public String firstName;
  public String lastName;
  public String company = "";
  public String phone = "";
  public String notes = "";
  public String taxExemptCategory = "";
  public String registrationIpAddress = "";
  public long customerGroupId;
  public boolean acceptsMarketing;
  public long originChannelId = 1;
  public List<Long> channelIds = List.of(1L);
  public BigDecimal storeCredit = BigDecimal.ZERO;
  public Instant dateCreated;
  public Instant dateModified;
  public final List<CustomerAddress> addresses = new ArrayList<>();
}
