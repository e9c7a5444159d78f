package io.bcsync.sim.bigcommerce.http;

/** One endpoint's behaviour. */
@FunctionalInterface
public interface Handler {
  ApiResponse handle(ApiRequest request);
}
