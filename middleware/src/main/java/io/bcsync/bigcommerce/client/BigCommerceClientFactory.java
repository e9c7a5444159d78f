package io.bcsync.bigcommerce.client;

import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.config.BigCommerceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

@Factory
class BigCommerceClientFactory {
  /**
   * Qualifier of the B2B Edition host's transport; the store REST transport is the unqualified
   * (primary) one.
   */
  static final String B2B = "bigcommerce-b2b";

  @Singleton
  @Primary
  BigCommerceTransport transport(
      BigCommerceConfig bigCommerce, BigCommerceClientConfig config, MeterRegistry registry) {
    // Waiting for quota is real time on BigCommerce's side: use the wall clock, not the
    // application's Clock bean.
    return new BigCommerceTransport(
        bigCommerce.apiUri(),
        config,
        new QuotaMetrics(registry),
        Clock.systemUTC(),
        RateBudget.Waiter.BLOCKING);
  }

  @Singleton
  @Named(B2B)
  BigCommerceTransport b2bTransport(
      BigCommerceConfig bigCommerce, BigCommerceClientConfig config, MeterRegistry registry) {
    return BigCommerceTransport.b2b(
        bigCommerce.b2bApiUri(),
        config,
        QuotaMetrics.forB2b(registry),
        Clock.systemUTC(),
        RateBudget.Waiter.BLOCKING);
  }
}
