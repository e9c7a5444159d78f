package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.console.RecordTimeline.Record;
import io.bcsync.console.RecordTimeline.Timeline;
import io.bcsync.db.Db;
import io.bcsync.testsupport.SimulatedOrgTest;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A registered customer found by e-mail: bcsync keeps no customer e-mail, so the timeline asks
 * Salesforce for the Contacts with that address and follows the identity map to the customers
 * written to them (in the store asked about).
 */
@MicronautTest(transactional = false)
class TimelineEmailTest extends SimulatedOrgTest {
  static final String STORE = WebhookCalls.STORE;

  @Inject RecordTimeline timeline;
  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    return properties;
  }

  @Test
  void a_registered_customer_is_found_through_the_contact_salesforce_has_with_that_email() {
    String contact =
        sim.createAsUser(
                "Contact", Map.of("FirstName", "Ada", "LastName", "Reg", "Email", "ada@reg.test"))
            .id();
    String stranger =
        sim.createAsUser(
                "Contact", Map.of("FirstName", "Bo", "LastName", "Other", "Email", "bo@reg.test"))
            .id();
    identity("customer", "41", contact);
    identity("customer", "42", stranger);
    sql(
        "INSERT INTO sync_identity (store_hash, bc_type, bc_id, sf_object, sf_id, written_at_ms)"
            + " VALUES ('other1', 'customer', '43', 'Contact', '"
            + contact
            + "', 1000)");

    Timeline found = timeline.find(TimelineQuery.parse("ADA@reg.test", STORE));

    assertThat(found.records()).containsExactly(new Record(STORE, "customer", "41"));
    assertThat(timeline.find(TimelineQuery.parse("ada@reg.test", null)).records())
        .containsExactlyInAnyOrder(
            new Record(STORE, "customer", "41"), new Record("other1", "customer", "43"));
    assertThat(timeline.find(TimelineQuery.parse("nobody@reg.test", null)).records()).isEmpty();
  }

  private void identity(String type, String id, String sfId) {
    sql(
        "INSERT INTO sync_identity (store_hash, bc_type, bc_id, sf_object, sf_id, written_at_ms)"
            + " VALUES ('"
            + STORE
            + "', '"
            + type
            + "', '"
            + id
            + "', 'Contact', '"
            + sfId
            + "', 1000)");
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
