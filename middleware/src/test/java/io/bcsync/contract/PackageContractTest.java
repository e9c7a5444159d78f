package io.bcsync.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.flows.BigCommerceToSalesforceFlow;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract between the middleware and the package's permission sets: every object and field the
 * sync writes (found by running the flows over representative customers and orders against the
 * in-memory org, which records each write, with order rules on for one store: Campaigns,
 * CampaignMembers and a Case) is creatable/editable in {@code BC_Sync_Integration}, and everything
 * the panel's Apex reads through SOQL is readable in {@code BC_Order_History_Viewer}. All gaps are
 * reported at once; those listed as {@code contract:} in {@code sfdx-package/tools/known-gaps.txt}
 * pass until the package is fixed, and an entry that no longer matches fails so it gets removed.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageContractTest implements TestPropertyProvider {
  static final String ORDERS = "pc1";
  static final String CUSTOM_ORDERS = "pc2";
  static final String OPPORTUNITIES = "pc3";
  static final String DOMAINS = "pc4";
  static final String EDITION = "pc5";
  static final Path FORCE_APP = SimulatedSalesforce.packageMetadata();
  static final Path KNOWN_GAPS = FORCE_APP.resolveSibling("tools/known-gaps.txt");

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;

  private final AtomicLong itemIds = new AtomicLong(9_000);
  private PackageFieldRules rules;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = InMemoryPorts.properties();
    // With order rules on (campaigns and a Case), so their writes are checked as well.
    InMemoryPorts.withStore(
        properties,
        ORDERS,
        """
        rules:
          first_order_campaign: { enabled: true }
          coupon_campaign: { enabled: true }
          contract_case:
            enabled: true
            trigger: { status_in: [Shipped] }
            actions:
              - case: { reason: Contract Check, origin: Web, priority: High, type: Problem }
        """);
    InMemoryPorts.withStore(properties, CUSTOM_ORDERS, "orders:\n  target: BC_Order__c\n");
    properties.put("bcsync.bigcommerce.stores." + CUSTOM_ORDERS + ".write-back-order-id", "true");
    InMemoryPorts.withStore(
        properties,
        OPPORTUNITIES,
        "orders:\n  target: Opportunity\nmatching:\n  new_customers_as: lead\n");
    InMemoryPorts.withStore(properties, DOMAINS);
    properties.put("bcsync.bigcommerce.stores." + DOMAINS + ".b2b.email-domains", "acme.test");
    InMemoryPorts.withStore(properties, EDITION);
    properties.put("bcsync.bigcommerce.stores." + EDITION + ".b2b.edition", "true");
    properties.put("bcsync.bigcommerce.stores." + EDITION + ".b2b.membership-refresh", "0s");
    return properties;
  }

  @BeforeAll
  void readPackage() {
    rules = PackageFieldRules.read(FORCE_APP);
  }

  @Test
  void the_integration_permission_set_lets_the_sync_write_everything_it_writes() throws Exception {
    runRepresentativeSyncs();
    PermissionSetGrants integration = PermissionSetGrants.read(FORCE_APP, "BC_Sync_Integration");
    Set<String> gaps = new TreeSet<>();
    for (RecordWrite write : org.writes()) {
      String object = write.sobjectType();
      var grant = integration.object(rules.objectPermissionsOf(object));
      boolean creates = write.operation() != WriteOperation.UPDATE;
      boolean edits = write.operation() != WriteOperation.CREATE;
      if ((creates && !grant.create()) || (edits && !grant.edit())) {
        gaps.add(
            "%s must allow %s on %s (the sync %ss %s)"
                .formatted(
                    integration.name(),
                    creates && edits ? "create and edit" : creates ? "create" : "edit",
                    rules.objectPermissionsOf(object),
                    write.operation().name().toLowerCase(),
                    object));
      }
      for (String field : write.fields().keySet()) {
        rules
            .permissionField(object, field)
            .filter(permission -> !integration.field(object, permission).editable())
            .ifPresent(
                permission ->
                    gaps.add(
                        "%s must make %s.%s editable (the sync writes %s.%s)"
                            .formatted(integration.name(), object, permission, object, field)));
      }
    }
    assertThat(org.writes()).as("the flows wrote something to check").hasSizeGreaterThan(20);
    KnownGaps.assertNoUnknownGaps(KNOWN_GAPS, integration.name(), gaps);
  }

  @Test
  void the_viewer_permission_set_lets_the_panel_read_everything_its_apex_queries() {
    ApexSoqlReads apex = ApexSoqlReads.of(FORCE_APP, rules);
    PermissionSetGrants viewer = PermissionSetGrants.read(FORCE_APP, "BC_Order_History_Viewer");
    Set<String> gaps = new TreeSet<>();
    for (String object : apex.objects()) {
      if (!viewer.object(rules.objectPermissionsOf(object)).read()) {
        gaps.add(
            "%s must allow read on %s (SOQL in Apex)"
                .formatted(viewer.name(), rules.objectPermissionsOf(object)));
      }
    }
    for (ApexSoqlReads.Read read : apex.reads()) {
      rules
          .permissionField(read.object(), read.field())
          .filter(permission -> !viewer.field(read.object(), permission).readable())
          .ifPresent(
              permission ->
                  gaps.add(
                      "%s must make %s.%s readable (%s queries %s.%s)"
                          .formatted(
                              viewer.name(),
                              read.object(),
                              permission,
                              read.source(),
                              read.object(),
                              read.field())));
    }
    assertThat(apex.reads()).as("the Apex SOQL was actually read").hasSizeGreaterThan(20);
    KnownGaps.assertNoUnknownGaps(KNOWN_GAPS, viewer.name(), gaps);
  }

  /** B2C and B2B customers, guest and registered orders, every order target, new and changed. */
  private void runRepresentativeSyncs() throws Exception {
    List<Map.Entry<String, Long>> items = new ArrayList<>();
    store
        .customer(ORDERS, 1)
        .email("ann@example.com")
        .name("Ann", "Lee")
        .phone("+1 202 555 0101")
        .postalCode("20001")
        .save();
    store
        .order(ORDERS, 101, 1)
        .line(10101, 7, "MUG-1", "9.95", 2)
        .discount(10101, "1.00")
        .coupon("SPRING")
        .shipping("4.50")
        .tax("1.20")
        .save();
    store
        .order(ORDERS, 102, 0)
        .billing("Gus", "Guest", "guest@example.com")
        .line(10201, 8, "LAMP-1", "40.00", 1)
        .save();
    store.customer(CUSTOM_ORDERS, 2).email("cy@example.com").save();
    store.order(CUSTOM_ORDERS, 201, 2).line(20101, 7, "CMUG-1", "5.00", 1).save();
    store.customer(OPPORTUNITIES, 3).email("lead@example.com").save();
    store.customer(OPPORTUNITIES, 4).email("buyer@example.com").save();
    store.order(OPPORTUNITIES, 401, 4).line(40101, 7, "OMUG-1", "7.00", 1).save();
    store.customer(DOMAINS, 5).email("buyer@acme.test").save();
    store.order(DOMAINS, 501, 5).line(50101, 7, "DMUG-1", "3.00", 1).save();
    store.company(EDITION, 6, "Globex");
    store.companyUser(EDITION, 61, 6);
    store.category(EDITION, 1, "Kitchen");
    store.product(EDITION, 7, List.of(1L));
    store.customer(EDITION, 61).email("bea@globex.test").save();
    store.order(EDITION, 601, 61).line(60101, 7, "EMUG-1", "6.00", 1).save();
    assertThat(
            flow.run(
                    List.of(
                        item(ORDERS, "customer", 1), item(ORDERS, "order", 101),
                        item(ORDERS, "order", 102), item(CUSTOM_ORDERS, "customer", 2),
                        item(CUSTOM_ORDERS, "order", 201), item(OPPORTUNITIES, "customer", 3),
                        item(OPPORTUNITIES, "customer", 4), item(OPPORTUNITIES, "order", 401),
                        item(DOMAINS, "customer", 5), item(DOMAINS, "order", 501),
                        item(EDITION, "customer", 61), item(EDITION, "order", 601)))
                .values())
        .containsOnly(Outcome.SUCCESS);
    // Changed orders take the update paths (existing records, replaced lines).
    store
        .order(ORDERS, 101, 1)
        .line(10101, 7, "MUG-1", "9.95", 3)
        .status(2)
        .modifiedAt(Instant.parse("2030-01-01T00:00:00Z"))
        .save();
    store
        .order(OPPORTUNITIES, 401, 4)
        .line(40101, 7, "OMUG-1", "7.00", 1)
        .status(10)
        .modifiedAt(Instant.parse("2030-01-01T00:00:00Z"))
        .save();
    assertThat(
            flow.run(List.of(item(ORDERS, "order", 101), item(OPPORTUNITIES, "order", 401)))
                .values())
        .containsOnly(Outcome.SUCCESS);
  }

  private io.bcsync.pipeline.WorkItem item(String storeHash, String type, long id) {
    return WorkItems.item(itemIds.incrementAndGet(), storeHash, type, id);
  }
}
