package io.bcsync.config;

import io.micronaut.context.annotation.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds every configuration record when the context starts, so a missing or invalid key stops
 * startup with a message naming it instead of failing at the first request. Logs the effective
 * (masked) configuration.
 */
@Context
public class ConfigurationCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigurationCheck.class);

  public ConfigurationCheck(
      BcsyncConfig service,
      BigCommerceConfig bigCommerce,
      SalesforceConfig salesforce,
      PipelineConfig pipeline,
      IntakeBatchConfig intakeBatch,
      ManagementConfig management,
      AppCallbackConfig appCallbacks,
      List<StoreConfig> stores) {
    LOG.info(
        "Configuration: {}, {}, {}, {}, {}, {}, {}, stores={}",
        service,
        bigCommerce,
        salesforce,
        pipeline,
        intakeBatch,
        management,
        appCallbacks,
        stores);
  }
}
