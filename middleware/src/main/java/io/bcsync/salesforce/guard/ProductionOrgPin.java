package io.bcsync.salesforce.guard;

import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.InvalidConfigurationException;
import io.bcsync.config.SalesforceConfig;
import io.micronaut.context.annotation.Context;

/**
 * Production with the web-server flow must name its org ({@code bcsync.salesforce.org-id}). The
 * flow lets a person choose the org at runtime; without a pinned id the environment guard only
 * refuses sandboxes, so an administrator tricked (or a stolen admin token used) into connecting
 * another production org would send every store's customers and orders there. JWT and password
 * modes name their user in configuration, so the pin stays optional for them.
 */
@Context
public class ProductionOrgPin {

  public ProductionOrgPin(BcsyncConfig service, SalesforceConfig salesforce) {
    if (service.isProduction()
        && "web-server".equals(salesforce.authMode())
        && salesforce.orgId() == null) {
      throw new InvalidConfigurationException(
          SalesforceConfig.PREFIX + ".org-id",
          "must be set when bcsync.environment=production and auth-mode=web-server: it pins the"
              + " org an administrator may connect (the 00D... id under Setup > Company"
              + " Information)");
    }
  }
}
