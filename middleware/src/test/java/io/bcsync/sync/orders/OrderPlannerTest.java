package io.bcsync.sync.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.sync.customers.CustomerLink;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.mapping.OrderTarget;
import io.bcsync.sync.port.ExternalReference;
import io.bcsync.sync.port.WriteOperation;
import io.bcsync.testsupport.Mappings;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.StoreOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One order's planned writes, without calling anything. */
class OrderPlannerTest {
  static final String STORE = "op1";
  static final String BOOK = "01s000000000001AAA";
  static final Map<String, String> ENTRIES =
      Map.of(STORE + ":7:0", "01u000000000007AAA", STORE + ":8:0", "01u000000000008AAA");
  static final CustomerLink BUYER =
      new CustomerLink("003000000000001AAA", "001000000000001AAA", null);

  private final Clock clock = Clock.fixed(Instant.parse("2024-07-01T08:00:00Z"), ZoneOffset.UTC);
  private final InMemoryStore store = new InMemoryStore();

  @Test
  void a_new_order_gets_its_price_book_and_every_line_its_parent_and_price_book_entry() {
    PlannedOrder p = plan("Order", Set.of(), order(11).line(1101, 7, "MUG-1", "9.95", 1), null);

    assertThat(p.header().fields())
        .containsEntry("BC_Order_Id__c", STORE + ":11")
        .containsEntry("Pricebook2Id", BOOK)
        .containsEntry("AccountId", BUYER.accountId())
        .containsEntry("BC_Contact__c", BUYER.contactId());
    assertThat(p.lines()).containsOnlyKeys(STORE + ":1101");
    assertThat(p.lines().get(STORE + ":1101").fields())
        .containsEntry("Order", new ExternalReference("Order", "BC_Order_Id__c", STORE + ":11"))
        .containsEntry("PricebookEntryId", "01u000000000007AAA");
    assertThat(p.obsoleteLines()).isEmpty();
  }

  @Test
  void create_only_fields_go_only_on_new_lines_and_the_price_book_only_on_new_orders() {
    StoreOrder order =
        order(12).line(1201, 7, "MUG-1", "9.95", 1).line(1202, 8, "LAMP-1", "40.00", 1);
    Identity kept = line(1201, 12);
    Identity removed = line(1299, 12);

    PlannedOrder p = plan("Order", Set.of(), order, header(12), kept, removed);

    assertThat(p.header().fields()).doesNotContainKey("Pricebook2Id");
    assertThat(p.lines().get(STORE + ":1201").fields())
        .as("written before: Salesforce refuses its parent and entry on an update")
        .doesNotContainKeys("Order", "PricebookEntryId");
    assertThat(p.lines().get(STORE + ":1202").fields()).containsKeys("Order", "PricebookEntryId");
    assertThat(p.obsoleteLines()).containsExactly(removed);
  }

  @Test
  void a_new_line_without_a_price_book_entry_cannot_be_written() {
    StoreOrder order = order(13).line(1301, 99, "NEW-1", "1.00", 1);

    assertThatThrownBy(() -> plan("Order", Set.of(), order, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no price book entry for line 1301");
  }

  @Test
  void opportunity_lines_are_created_anew_and_every_earlier_line_is_obsolete() {
    StoreOrder order = order(14).line(1401, 7, "MUG-1", "9.95", 1);
    Identity earlier = line(1401, 14);

    PlannedOrder p = plan("Opportunity", Set.of(), order, header(14), earlier);

    assertThat(p.lines().values())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.operation()).isEqualTo(WriteOperation.CREATE);
              assertThat(w.fields()).containsKeys("Opportunity", "PricebookEntryId");
            });
    assertThat(p.obsoleteLines()).containsExactly(earlier);
  }

  /**
   * The package's panel finds a Contact's Opportunities by ContactId, which Salesforce takes only
   * on create (Object Reference: "can only be populated when it's created, and can't be updated").
   */
  @Test
  void a_new_opportunity_names_its_buyer_as_primary_contact_and_an_existing_one_does_not() {
    PlannedOrder created =
        plan("Opportunity", Set.of(), order(16).line(1601, 7, "MUG-1", "9.95", 1), null);
    PlannedOrder again =
        plan("Opportunity", Set.of(), order(17).line(1701, 7, "MUG-1", "9.95", 1), header(17));

    assertThat(created.header().fields())
        .containsEntry("ContactId", BUYER.contactId())
        .containsEntry("AccountId", BUYER.accountId());
    assertThat(again.header().fields())
        .doesNotContainKeys("ContactId", "Pricebook2Id")
        .containsEntry("AccountId", BUYER.accountId());
  }

  @Test
  void bc_order_lines_name_their_parent_by_relationship_and_need_no_price_book() {
    PlannedOrder p =
        plan("BC_Order__c", Set.of(), order(15).line(1501, 99, "ANY-1", "3.00", 1), null);

    assertThat(p.header().fields()).doesNotContainKey("Pricebook2Id").containsKey("BC_Account__c");
    assertThat(p.lines().get(STORE + ":1501").fields())
        .containsEntry(
            "BC_Order__r", new ExternalReference("BC_Order__c", "BC_Order_Id__c", STORE + ":15"))
        .doesNotContainKey("PricebookEntryId");
  }

  @Test
  void an_order_to_activate_is_activated_after_its_lines_and_an_existing_one_goes_through_draft() {
    StoreOrder shipped = order(16).line(1601, 7, "MUG-1", "9.95", 1).status(2);

    PlannedOrder fresh = plan("Order", Set.of(2), shipped, null);
    PlannedOrder existing = plan("Order", Set.of(2), shipped, header(16), line(1601, 16));
    PlannedOrder notActivating =
        plan("Order", Set.of(2), shipped.status(11), header(16), line(1601, 16));

    assertThat(fresh.draftFirst()).isNull();
    assertThat(fresh.activateAfter()).isTrue();
    assertThat(fresh.header().fields()).containsEntry("Status", "Draft");
    assertThat(existing.draftFirst()).isEqualTo("801000000000016AAA");
    assertThat(existing.activateAfter()).isTrue();
    assertThat(existing.header().fields()).doesNotContainEntry("Status", "Activated");
    assertThat(notActivating.draftFirst()).isNull();
    assertThat(notActivating.activateAfter()).isFalse();
    assertThat(notActivating.header().fields())
        .as("it may be Activated: Salesforce refuses AccountId then")
        .doesNotContainKey("AccountId");
  }

  // --- helpers ---

  private PlannedOrder plan(
      String target,
      Set<Integer> activating,
      StoreOrder order,
      Identity existing,
      Identity... lines) {
    OrderPlanner planner =
        new OrderPlanner(
            OrderObjects.of(target),
            Mappings.withOrders(new OrderTarget(target, activating)),
            clock,
            io.bcsync.sync.stores.StoreLinks.NONE);
    var document = order.document();
    return planner.plan(
        STORE,
        new OrderWork(1, document.json(), document.modifiedMs(), BUYER),
        existing,
        List.of(lines),
        ENTRIES,
        BOOK);
  }

  private StoreOrder order(long id) {
    return store.order(STORE, id, 1);
  }

  private static Identity header(long orderId) {
    return new Identity(
        STORE,
        "order",
        String.valueOf(orderId),
        "Order",
        "8010000000000" + orderId + "AAA",
        null,
        null,
        1L);
  }

  private static Identity line(long lineId, long orderId) {
    return new Identity(
        STORE,
        "order_line",
        STORE + ":" + lineId,
        "OrderItem",
        "802000000" + lineId + "AAA",
        null,
        String.valueOf(orderId),
        null);
  }
}
