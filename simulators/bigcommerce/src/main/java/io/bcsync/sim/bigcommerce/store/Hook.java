package io.bcsync.sim.bigcommerce.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** A V3 webhook subscription, owned by the client id of the token that created it. */
public final class Hook {
  public long id;
  public String clientId;
  public String storeHash;
  public String scope;
  public String destination;
  public boolean active = true;

  /** True once retries were exhausted; the admin endpoint reports it as "deactivated". */
  public boolean deactivatedByDelivery;

  public Map<String, String> headers = new LinkedHashMap<>();
  public long createdAt;
  public long updatedAt;
}
