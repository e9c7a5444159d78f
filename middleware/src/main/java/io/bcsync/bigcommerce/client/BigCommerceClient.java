package io.bcsync.bigcommerce.client;

import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.pipeline.PermanentFailureException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Hands out the API of a connected store, with its token; one transport (and rate budget per store)
 * for the store REST API and one for the B2B Edition host.
 */
@Singleton
public class BigCommerceClient {
  private final BigCommerceTransport transport;
  private final BigCommerceTransport b2bTransport;
  private final ConnectedStores stores;

  public BigCommerceClient(
      BigCommerceTransport transport,
      @Named(BigCommerceClientFactory.B2B) BigCommerceTransport b2bTransport,
      ConnectedStores stores) {
    this.transport = transport;
    this.b2bTransport = b2bTransport;
    this.stores = stores;
  }

  /**
   * @throws PermanentFailureException when the store is not connected or has no API token
   */
  public StoreClient forStore(String storeHash) {
    ConnectedStore store =
        stores
            .find(storeHash)
            .orElseThrow(
                () ->
                    new PermanentFailureException(
                        "store "
                            + storeHash
                            + " is not connected (unknown, or the app was uninstalled)"));
    return forStore(store);
  }

  public StoreClient forStore(ConnectedStore store) {
    String token =
        store
            .accessToken()
            .orElseThrow(
                () ->
                    new PermanentFailureException(
                        "store " + store.storeHash() + " has no API access token configured"));
    return new StoreClient(transport, b2bTransport, store.storeHash(), token);
  }

  /** A client for a token not (yet) stored, as during an install. */
  public StoreClient forToken(String storeHash, String accessToken) {
    return new StoreClient(transport, b2bTransport, storeHash, accessToken);
  }

  public BigCommerceTransport transport() {
    return transport;
  }
}
