package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.console.RecordTimeline.Record;
import io.bcsync.console.RecordTimeline.Timeline;
import io.bcsync.console.TimelineEntries.Entry;
import io.bcsync.console.TimelineEntries.Kind;
import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.IntakeResult;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the record timeline reads besides the queue, from rows as the sync writes them: the ids
 * written with the matching rule, reviews, rules fired, notices owed and sent, Salesforce change
 * events, and a customer's orders; found by BigCommerce id and by Salesforce id, in time order.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordTimelineTest implements TestPropertyProvider {
  static final String STORE = WebhookCalls.STORE;
  static final String CONTACT = "003000000000ABCAAA";
  static final String ORDER = "801000000000ABCAAA";

  @Inject RecordTimeline timeline;
  @Inject EventIntake intake;
  @Inject Db db;
  @Inject io.micronaut.runtime.server.EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    properties.put("bcsync.scheduler.enabled", "false");
    return properties;
  }

  /** H2; the MariaDB twin returns a fresh MariaDB database. */
  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @BeforeEach
  void setUp() {
    Tables.clear(db);
    sql("DELETE FROM sync_identity");
    sql("DELETE FROM sync_review_hold");
    sql("DELETE FROM sync_review");
    sql("DELETE FROM sync_rule_firing");
    sql("DELETE FROM sync_rule_write");
    sql("DELETE FROM catalog_written");
    sql("DELETE FROM sync_rule_notice");
    sql("DELETE FROM salesforce_change");
    sql("DELETE FROM sync_order_ledger");
  }

  @Test
  void an_orders_timeline_has_its_webhook_ids_written_rules_and_notices_in_time_order() {
    long item = event("order", "250", 1_000);
    sql(
        "INSERT INTO sync_identity (store_hash, bc_type, bc_id, sf_object, sf_id, written_at_ms)"
            + " VALUES ('"
            + STORE
            + "', 'order', '250', 'Order', '"
            + ORDER
            + "', 3000)");
    sql(
        "INSERT INTO sync_rule_firing (store_hash, firing_key, order_id, fired_at_ms) VALUES ('"
            + STORE
            + "', 'big_spender|order:250', 250, 4000)");
    sql(
        "INSERT INTO sync_rule_notice (store_hash, notice_key, order_id, rule_name, channel, body,"
            + " created_at_ms, sent_at_ms) VALUES ('"
            + STORE
            + "', '250:slack:big_spender', 250, 'big_spender', 'slack', '{}', 4000, 5000)");
    sql(
        "INSERT INTO salesforce_change (org_id, sobject, record_id, change_types, changed_fields,"
            + " event_count, work_item_id, recorded_at_ms) VALUES ('00D000000000001', 'Order', '"
            + ORDER
            + "', 'UPDATE', 'Status', 1, "
            + item
            + ", 6000)");

    Timeline found = timeline.find(TimelineQuery.parse("250", null));

    assertThat(found.records()).containsExactly(new Record(STORE, "order", "250"));
    List<Entry> entries = found.entries();
    assertThat(entries).extracting(Entry::atMs).isSorted();
    assertThat(entries)
        .extracting(Entry::kind, Entry::title)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Kind.WEBHOOK, "Webhook store/order/created received"),
            org.assertj.core.groups.Tuple.tuple(Kind.WORK_ITEM, "Work item " + item + " queued"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.WRITTEN, "Written to Salesforce Order " + ORDER),
            org.assertj.core.groups.Tuple.tuple(Kind.RULE, "Order rule big_spender fired"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.NOTICE, "Slack notice of rule big_spender owed"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.NOTICE, "Slack notice of rule big_spender sent"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.CHANGE_EVENT, "Salesforce change UPDATE received"));

    // The Salesforce id finds the same order.
    assertThat(timeline.find(TimelineQuery.parse(ORDER, null)).records())
        .containsExactly(new Record(STORE, "order", "250"));
  }

  @Test
  void a_customers_timeline_has_the_matching_rule_its_review_and_its_orders() {
    event("customer", "12", 1_000);
    sql(
        "INSERT INTO sync_identity (store_hash, bc_type, bc_id, sf_object, sf_id, written_at_ms,"
            + " matched_by) VALUES ('"
            + STORE
            + "', 'customer', '12', 'Contact', '"
            + CONTACT
            + "', 9000, 'review')");
    sql(
        "INSERT INTO sync_review (store_hash, customer_key, customer_label, reason, matched_by,"
            + " candidates, status, resolution, resolved_contact_id, open_key, created_at_ms,"
            + " resolved_at_ms) VALUES ('"
            + STORE
            + "', 'customer:12', 'customer 12', 'two Contacts share the e-mail', 'email', '[]',"
            + " 'resolved', 'link', '"
            + CONTACT
            + "', NULL, 2000, 8000)");
    sql(
        "INSERT INTO sync_order_ledger (store_hash, order_id, company_key, total, order_date_ms,"
            + " counted, product_ids, written_at_ms, customer_key) VALUES ('"
            + STORE
            + "', 77, '', 10, 1, 1, '', 1, 'customer:12')");

    Timeline found = timeline.find(TimelineQuery.parse("12", STORE));

    assertThat(found.records()).containsExactly(new Record(STORE, "customer", "12"));
    assertThat(found.entries())
        .extracting(Entry::title, Entry::detail)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "Sent to review " + reviewId(), "two Contacts share the e-mail (matched by email)"),
            org.assertj.core.groups.Tuple.tuple(
                "Review " + reviewId() + " resolved", "linked to Contact " + CONTACT),
            org.assertj.core.groups.Tuple.tuple(
                "Written to Salesforce Contact " + CONTACT, "matching rule: review"));
    assertThat(found.related()).extracting(RecordTimeline.Related::query).containsExactly("77");
  }

  @Test
  void an_orders_timeline_lists_what_its_rules_wrote_and_a_case_id_finds_the_order() {
    event("order", "260", 1_000);
    sql(
        "INSERT INTO sync_rule_write (store_hash, firing_key, seq, order_id, action, target, sf_id,"
            + " written_at_ms) VALUES ('"
            + STORE
            + "', 'problems|order:260', 1, 260, 'case', 'Case "
            + STORE
            + ":260:Payment Declined', '500000000000ABCAAA', 4000), ('"
            + STORE
            + "', 'problems|order:260', 2, 260, 'campaign', 'Campaign name:VIPs, Contact "
            + CONTACT
            + "', NULL, 4000)");

    Timeline found = timeline.find(TimelineQuery.parse("260", STORE));

    assertThat(found.entries())
        .extracting(Entry::title, Entry::detail)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "Order rule problems wrote Case " + STORE + ":260:Payment Declined",
                "Salesforce id 500000000000ABCAAA"),
            org.assertj.core.groups.Tuple.tuple(
                "Order rule problems wrote Campaign name:VIPs, Contact " + CONTACT,
                "Salesforce id not known (the write's answer carried none)"));
    assertThat(timeline.find(TimelineQuery.parse("500000000000ABCAAA", null)).records())
        .containsExactly(new Record(STORE, "order", "260"));
  }

  @Test
  void a_products_timeline_has_its_work_items_and_what_the_reverse_sync_wrote_to_it() {
    long item = event("product", "300", 1_000);
    sql(
        "INSERT INTO catalog_written (store_hash, variant_id, written_field, product_id,"
            + " value_hash, written_at_ms) VALUES ('"
            + STORE
            + "', 301, 'price', 300, '"
            + "0".repeat(64)
            + "', 2000)");

    Timeline found = timeline.find(TimelineQuery.parse("300", STORE));

    assertThat(found.records()).containsExactly(new Record(STORE, "product", "300"));
    assertThat(found.entries())
        .extracting(Entry::kind, Entry::title)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Kind.WORK_ITEM, "Work item " + item + " queued"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.WRITTEN, "Written to BigCommerce: price of variant 301"));
  }

  @Test
  void an_order_held_by_a_review_shows_the_hold_and_its_release() {
    event("order", "27", 1_000);
    sql(
        "INSERT INTO sync_review (store_hash, customer_key, customer_label, reason, matched_by,"
            + " candidates, status, resolution, resolved_contact_id, open_key, created_at_ms,"
            + " resolved_at_ms) VALUES ('"
            + STORE
            + "', 'customer:5', 'customer 5', 'two Contacts share the e-mail', 'email', '[]',"
            + " 'resolved', 'link', '"
            + CONTACT
            + "', NULL, 2000, 8000)");
    long review = reviewId();
    sql(
        "INSERT INTO sync_review_hold (review_id, entity_type, entity_id) VALUES ("
            + review
            + ", 'order', '27')");
    // Another store's order 27 held by another review is not this one's.
    sql(
        "INSERT INTO sync_review (store_hash, customer_key, customer_label, reason, candidates,"
            + " status, open_key, created_at_ms) VALUES ('other1', 'customer:5', 'customer 5',"
            + " 'two Contacts', '[]', 'open', 'other1|customer:5', 2500)");
    sql(
        "INSERT INTO sync_review_hold (review_id, entity_type, entity_id) VALUES ("
            + reviewId()
            + ", 'order', '27')");

    Timeline found = timeline.find(TimelineQuery.parse("27", STORE));

    assertThat(found.entries())
        .filteredOn(e -> e.kind() == Kind.REVIEW)
        .extracting(Entry::atMs, Entry::title, Entry::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                2000L,
                "Held by review " + review,
                "waiting for a decision on customer 5 (dated by the review's opening)"),
            org.assertj.core.groups.Tuple.tuple(
                8000L,
                "Released by review " + review,
                "linked to Contact " + CONTACT + "; queued again to follow the decision"));
  }

  @Test
  void an_email_without_guest_keys_says_why_nothing_is_found() {
    Timeline found = timeline.find(TimelineQuery.parse("jo@example.com", null));
    assertThat(found.records()).isEmpty();
    assertThat(found.notes()).singleElement().asString().contains("Salesforce is not configured");
  }

  @Test
  void the_admin_api_answers_an_items_failed_attempts_with_their_call_and_needs_the_token()
      throws Exception {
    long item = event("order", "251", 1_000);
    sql(
        "INSERT INTO work_item_failure (work_item_id, attempt, replay_round, outcome, error,"
            + " system_name, request, response, failed_at_ms) VALUES ("
            + item
            + ", 1, 0, 'RETRY', 'Order upsert failed', 'salesforce', '{\"call\": \"upsert\"}',"
            + " '{\"success\": false}', 5000)");
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.URI uri = server.getURI().resolve("/admin/work-items/" + item + "/failures");

    java.net.http.HttpResponse<String> answer =
        http.send(
            java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + WebhookCalls.ADMIN_TOKEN)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"outcome\":\"RETRY\"", "\"system\":\"salesforce\"", "upsert");
    assertThat(
            http.send(
                    java.net.http.HttpRequest.newBuilder(uri).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
  }

  private long reviewId() {
    return db.read(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT MAX(id) FROM sync_review");
              var rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private long event(String type, String id, long at) {
    return ((IntakeResult.Accepted)
            intake.record(
                new IncomingEvent(
                    new EntityRef(STORE, type, id),
                    "store/" + type + "/created",
                    "stores/" + STORE,
                    null,
                    "hash-" + type + id,
                    at / 1000,
                    "{\"id\":" + id + "}")))
        .workItemId();
  }

  private void sql(String statement) {
    db.write(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(statement)) {
            update.executeUpdate();
          }
          return null;
        });
  }
}
