package io.bcsync.sync.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped default is {@code bcsync.salesforce.auth-mode: none}: the router (and so the workers)
 * must still come up, without the flows whose ports exist only with Salesforce configured. Before
 * the reverse flows were conditional, resolving the router failed for want of SalesforceRecords.
 */
class RouterWithoutSalesforceTest {

  @Test
  void the_router_resolves_without_salesforce_and_without_the_salesforce_origin_flows() {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      assertThat(context.getBean(WorkRouter.class)).isNotNull();
      assertThat(context.getBeansOfType(Flow.class))
          .extracting(Flow::name)
          .doesNotContain("salesforce-contacts")
          .isNotEmpty();
    }
  }
}
