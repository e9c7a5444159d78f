package io.bcsync.sim.bigcommerce.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An inventory location (locations.v3.yml {@code LocationResponse}). Location 1 is every store's
 * default: the store's default shipping origin, which cannot be deleted ({@code DELETE
 * /inventory/locations}: "The location with a location_id of 1 is the storeʼs default shipping
 * origin"), and the only location the Catalog API reports stock for.
 */
public final class Location {
  public static final long DEFAULT_ID = 1;

  public long id;
  public String code;
  public String label;
  public String description = "";
  public boolean managedByExternalSource;
  public String typeId = "PHYSICAL";
  public boolean enabled = true;
  public boolean storefrontVisibility = true;
  public String timeZone = "Etc/UTC";

  /** The address as the client sent it (locations.v3.yml {@code address}); null for VIRTUAL. */
  public JsonNode address;

  public Instant createdAt;
  public Instant updatedAt;
}
