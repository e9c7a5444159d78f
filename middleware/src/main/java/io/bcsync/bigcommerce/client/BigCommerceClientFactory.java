package io.bcsync.bigcommerce.client;

import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.config.BigCommerceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

@Factory
class BigCommerceClientFactory {
  @Singleton
  BigCommerceTransport transport(BigCommerceConfig bigCommerce, BigCommerceClientConfig config,
      MeterRegistry registry) {
    // Waiting for quota is real time on BigCommerce's side: use the wall clock, not the application's Clock bean.
    return new BigCommerceTransport(bigCommerce.apiUri(), config, new QuotaMetrics(registry), Clock.systemUTC(),
        RateBudget.Waiter.BLOCKING);
  }
}
