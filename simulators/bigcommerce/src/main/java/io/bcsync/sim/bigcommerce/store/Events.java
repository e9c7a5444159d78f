package io.bcsync.sim.bigcommerce.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.Json;

/** Builders for the `data` part of webhook bodies. */
public final class Events {
  private Events() {}

  /** The common {type, id} shape. */
  public static ObjectNode resource(String type, long id) {
    return Json.object().put("type", type).put("id", id);
  }
}
