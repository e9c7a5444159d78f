package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** V3 hooks. A token sees and changes only the hooks of its own client id. */
public final class HooksApi {
  private final StoreClient store;

  HooksApi(StoreClient store) {
    this.store = store;
  }

  public List<Dtos.Hook> list() {
    return store.v3All(ApiRequest.get("/v3/hooks")).stream().map(Dtos.Hook::from).toList();
  }

  public Dtos.Hook create(String scope, String destination, Map<String, String> headers) {
    ObjectNode body =
        store
            .mapper()
            .createObjectNode()
            .put("scope", scope)
            .put("destination", destination)
            .put("is_active", true);
    body.set("headers", store.mapper().valueToTree(headers));
    return Dtos.Hook.from(
        store.require(ApiRequest.write("POST", "/v3/hooks", body)).body().path("data"));
  }

  /**
   * Re-activates a hook and sets its custom headers (used for repairs and after a secret rotation).
   */
  public Dtos.Hook activate(long hookId, Map<String, String> headers) {
    ObjectNode body = store.mapper().createObjectNode().put("is_active", true);
    body.set("headers", store.mapper().valueToTree(headers));
    return Dtos.Hook.from(
        store.require(ApiRequest.write("PUT", "/v3/hooks/" + hookId, body)).body().path("data"));
  }

  public void delete(long hookId) {
    store.call(ApiRequest.write("DELETE", "/v3/hooks/" + hookId, null));
  }
}
