package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectorConfig;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.store.Order;
import io.bcsync.sim.bigcommerce.store.OrderLine;
import io.bcsync.sync.SimulatedPanel.History;
import io.bcsync.sync.SimulatedPanel.Line;
import io.bcsync.sync.SimulatedPanel.Row;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package's order-history panel reads what the sync writes. After a sync over both simulators
 * (webhooks through the running middleware), the panel's own SOQL — read out of the Apex classes
 * ({@link PanelSoql}) and run through force-wsc against the simulated org ({@link SimulatedPanel})
 * — must show, for a B2C customer and for a B2B company and its buyer, on every Account and Contact
 * page: the header figures, the orders with their lines, and the store link the control-panel links
 * are built from. Once per order target: standard Order ({@value #STORE}), Opportunity ({@value
 * #OPPORTUNITY_STORE}), BC_Order__c ({@value #CUSTOM_STORE}).
 */
@MicronautTest(transactional = false)
class PanelContractTest extends SyncEndToEndTestBase {
  private static final String COMPANY_DOMAIN = "acme.test";

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    // The base gives only the Order store a company rule; every target needs a B2B company here.
    for (String hash : List.of(CUSTOM_STORE, OPPORTUNITY_STORE)) {
      properties.put("bcsync.bigcommerce.stores." + hash + ".b2b.email-domains", COMPANY_DOMAIN);
    }
    return properties;
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of(STORE, "Standard"),
        Arguments.of(OPPORTUNITY_STORE, "Opportunity"),
        Arguments.of(CUSTOM_STORE, "Custom"));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("targets")
  void the_panel_shows_figures_orders_lines_and_store_link_of_b2c_and_b2b_customers(
      String hash, String source) throws Exception {
    SimulatedStore shop = shop(hash);
    // Names differ per store: all stores write into one org, where a same-named customer of another
    // store would be a possible match sent to review instead of synced.
    long mugProduct = shop.createProduct("Panel Mug", hash + "-PMUG", new BigDecimal("9.95"));
    long lampProduct = shop.createProduct("Panel Lamp", hash + "-PLAMP", new BigDecimal("40.00"));
    long consumer =
        shop.createCustomer("panel." + hash + "@example.com", "Pat", "Consumer-" + hash);
    long buyer =
        shop.createCustomer("buyer." + hash + "@" + COMPANY_DOMAIN, "Bea", "Buyer-" + hash);
    long colleague =
        shop.createCustomer("col." + hash + "@" + COMPANY_DOMAIN, "Col", "League-" + hash);
    List<Long> consumerOrders =
        List.of(
            shop.placeOrder(consumer, mugProduct),
            shop.placeOrder(consumer, lampProduct, mugProduct));
    long buyerOrder = shop.placeOrder(buyer, lampProduct, mugProduct);
    long colleagueOrder = shop.placeOrder(colleague, mugProduct);
    List<Long> all = new ArrayList<>(consumerOrders);
    all.addAll(List.of(buyerOrder, colleagueOrder));
    for (long order : all) {
      awaitOne(target(source), "BC_Order_Id__c", hash + ":" + order);
    }
    awaitDoneAndFlushFigures();
    SimulatedPanel panel = panel();
    String controlPanel = "https://store-" + hash + ".mybigcommerce.com/manage";

    Map<String, Object> consumerContact =
        one("Contact", "BC_Customer_Id__c", hash + ":" + consumer);
    String household = (String) consumerContact.get("AccountId");
    for (String page : List.of((String) consumerContact.get("Id"), household)) {
      History history = panel.historyOf(page);
      // On a Contact page of the Opportunity store this needs Opportunity.ContactId.
      assertThat(history.source()).as("panel source on " + page).isEqualTo(source);
      assertOrders(history, shop, hash, consumerOrders, source, controlPanel);
      assertFigures(history, page, shop, consumerOrders);
    }

    String company =
        (String) one("Account", "BC_Company_Id__c", hash + ":domain:" + COMPANY_DOMAIN).get("Id");
    History companyPage = panel.historyOf(company);
    assertThat(companyPage.source()).isEqualTo(source);
    assertOrders(
        companyPage, shop, hash, List.of(buyerOrder, colleagueOrder), source, controlPanel);
    assertFigures(companyPage, company, shop, List.of(buyerOrder, colleagueOrder));

    Map<String, Object> buyerRecord = one("Contact", "BC_Customer_Id__c", hash + ":" + buyer);
    assertThat(buyerRecord.get("AccountId")).as("a company buyer").isEqualTo(company);
    String buyerContact = (String) buyerRecord.get("Id");
    History buyerPage = panel.historyOf(buyerContact);
    assertThat(buyerPage.source())
        .as("a company buyer's Contact page finds the buyer's own orders")
        .isEqualTo(source);
    assertOrders(buyerPage, shop, hash, List.of(buyerOrder), source, controlPanel);
    assertFigures(buyerPage, buyerContact, shop, List.of(buyerOrder));
  }

  private void assertOrders(
      History history,
      SimulatedStore shop,
      String hash,
      List<Long> orders,
      String source,
      String controlPanel) {
    assertThat(history.totalCount()).isEqualTo(orders.size());
    assertThat(history.rows())
        .extracting(Row::orderKey)
        .containsExactlyInAnyOrderElementsOf(orders.stream().map(o -> hash + ":" + o).toList());
    for (Row row : history.rows()) {
      long orderId = Long.parseLong(row.orderKey().toString().substring(hash.length() + 1));
      Order order = shop.read(s -> s.orders.get(orderId));
      assertThat(row.date()).as("order date").isNotNull();
      assertThat(row.total()).as("total").isNotNull();
      if (source.equals("Opportunity")) {
        assertThat(row.controlPanelUrl()).as("Opportunities carry no store link").isNull();
      } else {
        assertThat(row.controlPanelUrl())
            .as("store link of " + row.orderKey())
            .isEqualTo(controlPanel);
      }
      assertThat(row.lines()).as("lines of " + row.orderKey()).hasSameSizeAs(order.lines);
      for (OrderLine bcLine : order.lines) {
        assertThat(row.lines())
            .as("line " + bcLine.sku + " of " + row.orderKey())
            .anySatisfy(line -> assertLine(line, bcLine, source));
      }
    }
  }

  private static void assertLine(Line line, OrderLine bcLine, String source) {
    if (source.equals("Opportunity")) {
      // The sync writes "sku name" as the description of an OpportunityLineItem.
      assertThat(line.name()).isEqualTo(bcLine.sku + " " + bcLine.name);
    } else {
      assertThat(line.name()).isEqualTo(bcLine.name);
      assertThat(line.sku()).isEqualTo(bcLine.sku);
    }
    assertThat((BigDecimal) line.quantity()).isEqualByComparingTo(String.valueOf(bcLine.quantity));
    assertThat(line.unitPrice()).isNotNull();
  }

  private static void assertFigures(
      History history, String page, SimulatedStore shop, List<Long> orders) {
    List<Order> placed = new ArrayList<>();
    orders.forEach(id -> placed.add(shop.read(s -> s.orders.get(id))));
    BigDecimal revenue = placed.stream().map(Order::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    LocalDate last =
        placed.stream()
            .map(o -> LocalDate.ofInstant(o.dateCreated, ZoneOffset.UTC))
            .max(LocalDate::compareTo)
            .orElseThrow();
    assertThat(history.summary()).as("summary of " + page).isNotNull();
    assertThat(history.summary().recordId()).as("figures are the page's own").isEqualTo(page);
    assertThat(new BigDecimal(history.summary().revenue().toString()))
        .as("lifetime revenue")
        .isEqualByComparingTo(revenue);
    assertThat(new BigDecimal(history.summary().orderCount().toString()))
        .as("order count")
        .isEqualByComparingTo(String.valueOf(orders.size()));
    assertThat(history.summary().lastOrderDate()).as("last order date").isEqualTo(last.toString());
  }

  private SimulatedStore shop(String hash) {
    return hash.equals(STORE) ? store : hash.equals(CUSTOM_STORE) ? customStore : opportunityStore;
  }

  private static String target(String source) {
    return Map.of("Standard", "Order", "Opportunity", "Opportunity", "Custom", "BC_Order__c")
        .get(source);
  }

  private SimulatedPanel panel() throws Exception {
    ConnectorConfig config = new ConnectorConfig();
    config.setAuthEndpoint(sf.loginUrl());
    config.setUsername(sf.integrationUser().username());
    config.setPassword(sf.integrationUser().password() + sf.integrationUser().securityToken());
    PartnerConnection connection = new PartnerConnection(config);
    return new SimulatedPanel(connection, PanelSoql.read(SimulatedSalesforce.packageMetadata()));
  }
}
