package io.bcsync.sim.bigcommerce.store;

import java.time.Instant;

/**
 * A metafield; visible only to the client id that created it unless its permission set opens it.
 */
public final class Metafield {
  public long id;
  public String resourceType;
  public long resourceId;
  public String namespace;
  public String key;
  public String value;
  public String permissionSet = "app_only";
  public String description = "";
  public String ownerClientId;
  public Instant dateCreated;
  public Instant dateModified;
}
