package io.bcsync.bigcommerce.client;

/** What every failed BigCommerce call carries, whichever way it is classified. */
public interface BigCommerceApiException {
  /** HTTP status, or 0 when no response arrived. */
  int status();
}
