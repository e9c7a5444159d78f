package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static io.bcsync.sim.salesforce.TestStreamingClient.about;
import static io.bcsync.sim.salesforce.TestStreamingClient.header;
import static io.bcsync.sim.salesforce.TestStreamingClient.payload;
import static io.bcsync.sim.salesforce.TestStreamingClient.replayId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CDC and platform events through the real BayeuxClient, including replay and Salesforce's error
 * cases.
 */
class StreamingTest {
  static SalesforceSimulator sim;
  static PartnerConnection connection;

  @BeforeAll
  static void start() throws Exception {
    sim = TestOrgs.start();
    connection = TestOrgs.login(sim);
    connection.setCallOptions("bc-sync", null);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static TestStreamingClient client() throws Exception {
    TestStreamingClient client =
        new TestStreamingClient(sim, connection.getConfig().getSessionId());
    client.handshake();
    return client;
  }

  private static String createAccount(String name) throws Exception {
    return connection.create(new SObject[] {sobject("Account", Map.of("Name", name))})[0].getId();
  }

  @Test
  void handshake_advertises_replay_support() throws Exception {
    try (TestStreamingClient client = client()) {
      assertThat(client.successfulHandshakes).hasValue(1);
      assertThat(client.client.isHandshook()).isTrue();
    }
  }

  @Test
  void create_and_update_produce_change_events_with_only_changed_fields() throws Exception {
    try (TestStreamingClient client = client()) {
      assertThat(client.subscribe("/data/AccountChangeEvent", -1).isSuccessful()).isTrue();
      String id =
          connection
              .create(
                  new SObject[] {
                    sobject(
                        "Account",
                        Map.of("Name", "Streamed", "Phone", "1", "BillingCity", "Austin"))
                  })[0]
              .getId();
      SObject change = sobject("Account", Map.of("Phone", "2"));
      change.setId(id);
      change.setFieldsToNull(new String[] {"BillingCity"});
      connection.update(new SObject[] {change});

      Map<String, Object> created =
          client.awaitEvent(
              "/data/AccountChangeEvent",
              e -> about(e, id) && header(e).get("changeType").equals("CREATE"));
      Map<String, Object> updated =
          client.awaitEvent(
              "/data/AccountChangeEvent",
              e -> about(e, id) && header(e).get("changeType").equals("UPDATE"));

      assertThat(header(created))
          .containsEntry("entityName", "Account")
          .containsEntry("changeOrigin", "com/salesforce/api/soap/65.0;client=bc-sync")
          .containsEntry("commitUser", sim.integrationUser().id())
          .containsKeys("transactionKey", "sequenceNumber", "commitTimestamp", "commitNumber");
      assertThat(payload(created))
          .containsEntry("Name", "Streamed")
          .containsEntry("BillingAddress", Map.of("City", "Austin"));
      assertThat(header(updated).get("changedFields"))
          .isEqualTo(List.of("Phone", "BillingAddress.City", "LastModifiedDate"));
      assertThat(header(updated).get("nulledFields")).isEqualTo(List.of("BillingAddress.City"));
      assertThat(payload(updated))
          .containsEntry("Phone", "2")
          .containsKey("LastModifiedDate")
          .doesNotContainKey("Name");
      assertThat(replayId(updated)).isGreaterThan(replayId(created));
    }
  }

  @Test
  void all_change_events_channel_carries_selected_entities_only_with_enrichment_and_user_origin()
      throws Exception {
    try (TestStreamingClient client = client()) {
      client.subscribe("/data/ChangeEvents", -1);
      connection.create(
          new SObject[] {sobject("Lead", Map.of("LastName", "Not selected", "Company", "X"))});
      String contact =
          connection
              .create(
                  new SObject[] {
                    sobject("Contact", Map.of("LastName", "Selected", "BC_Customer_Id__c", "C-77"))
                  })[0]
              .getId();
      sim.updateAsUser(contact, Map.of("LastName", "Renamed"));

      Map<String, Object> byUser =
          client.awaitEvent(
              "/data/ChangeEvents",
              e -> about(e, contact) && header(e).get("changeType").equals("UPDATE"));

      assertThat(client.events("/data/ChangeEvents"))
          .allMatch(e -> !"Lead".equals(header(e).get("entityName")));
      assertThat(header(byUser))
          .containsEntry("changeOrigin", "")
          .containsEntry("commitUser", sim.adminUser().id());
      assertThat(header(byUser).get("changedFields"))
          .isEqualTo(List.of("Name.LastName", "LastModifiedDate"));
      assertThat(payload(byUser))
          .containsEntry("Name", Map.of("LastName", "Renamed"))
          .containsEntry("BC_Customer_Id__c", "C-77");
    }
  }

  @Test
  void delete_event_has_header_only_and_undelete_carries_the_record() throws Exception {
    try (TestStreamingClient client = client()) {
      client.subscribe("/data/AccountChangeEvent", -1);
      String id = createAccount("Short lived");
      connection.delete(new String[] {id});

      Map<String, Object> deleted =
          client.awaitEvent(
              "/data/AccountChangeEvent",
              e -> about(e, id) && header(e).get("changeType").equals("DELETE"));

      assertThat(payload(deleted).keySet()).containsExactly("ChangeEventHeader");

      connection.undelete(new String[] {id});
      Map<String, Object> undeleted =
          client.awaitEvent(
              "/data/AccountChangeEvent",
              e -> about(e, id) && header(e).get("changeType").equals("UNDELETE"));
      assertThat(payload(undeleted)).containsEntry("Name", "Short lived");
    }
  }

  @Test
  void replay_minus_two_and_stored_ids_redeliver_retained_events() throws Exception {
    String first = createAccount("Replay 1");
    String second = createAccount("Replay 2");
    String third = createAccount("Replay 3");
    long firstReplayId;
    try (TestStreamingClient all = client()) {
      all.subscribe("/data/AccountChangeEvent", -2);
      firstReplayId = replayId(all.awaitEvent("/data/AccountChangeEvent", e -> about(e, first)));
      all.awaitEvent("/data/AccountChangeEvent", e -> about(e, third));
    }
    try (TestStreamingClient resumed = client()) {
      resumed.replayIds.put("/data/AccountChangeEvent", firstReplayId);
      resumed.subscribe("/data/AccountChangeEvent", -1);
      resumed.awaitEvent("/data/AccountChangeEvent", e -> about(e, third));

      assertThat(resumed.events("/data/AccountChangeEvent"))
          .noneMatch(e -> about(e, first))
          .anyMatch(e -> about(e, second))
          .extracting(TestStreamingClient::replayId)
          .doesNotHaveDuplicates()
          .isSorted();
    }
  }

  @Test
  void replay_id_outside_retention_is_rejected_with_salesforce_text() throws Exception {
    SalesforceSimulator shortLived = SalesforceSimulator.start(TestOrgs.options());
    try (shortLived) {
      PartnerConnection api = TestOrgs.login(shortLived);
      api.create(new SObject[] {sobject("Account", Map.of("Name", "Old news"))});
      long oldId = shortLived.retainedEvents().get(0).replayId();
      shortLived.advanceTime(Duration.ofHours(73));
      api = TestOrgs.login(shortLived);
      api.create(new SObject[] {sobject("Account", Map.of("Name", "Fresh"))});
      TestStreamingClient client =
          new TestStreamingClient(shortLived, api.getConfig().getSessionId());
      try (client) {
        client.handshake();
        client.replayIds.put("/data/AccountChangeEvent", oldId);

        Message reply = client.subscribe("/data/AccountChangeEvent", -1);

        assertThat(reply.isSuccessful()).isFalse();
        assertThat(reply.get(Message.ERROR_FIELD))
            .isEqualTo(
                "400::The replayId {"
                    + oldId
                    + "} you provided was invalid. "
                    + "Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.");
        client.replayIds.put("/data/AccountChangeEvent", -2L);
        assertThat(client.subscribe("/data/AccountChangeEvent", -2).isSuccessful()).isTrue();
        client.awaitEvent("/data/AccountChangeEvent", e -> "Fresh".equals(payload(e).get("Name")));
        assertThat(client.events("/data/AccountChangeEvent"))
            .noneMatch(e -> "Old news".equals(payload(e).get("Name")));
      }
    }
  }

  @Test
  void exhausted_daily_event_allocation_refuses_subscribes_with_salesforce_text_until_cleared()
      throws Exception {
    // An own org: the switch is org-wide and must not leak into the other tests.
    try (SalesforceSimulator limited = SalesforceSimulator.start(TestOrgs.options())) {
      PartnerConnection api = TestOrgs.login(limited);
      limited.setStreamingDailyLimitExceeded(true);
      try (TestStreamingClient client =
          new TestStreamingClient(limited, api.getConfig().getSessionId())) {
        client.handshake();
        assertThat(client.successfulHandshakes)
            .hasValue(1); // the error is on /meta/subscribe, not the handshake

        Message refused = client.subscribe("/data/AccountChangeEvent", -1);
        Message again = client.subscribe("/data/AccountChangeEvent", -1);

        assertThat(refused.isSuccessful()).isFalse();
        assertThat(refused.get(Message.ERROR_FIELD))
            .isEqualTo("403::Organization total events daily limit exceeded");
        assertThat(again.get(Message.ERROR_FIELD))
            .isEqualTo("403::Organization total events daily limit exceeded");
        assertThat(limited.streamingHandshakes()).isEqualTo(1);
        assertThat(limited.streamingSubscribes()).isEqualTo(2);

        limited.setStreamingDailyLimitExceeded(false);
        assertThat(client.subscribe("/data/AccountChangeEvent", -1).isSuccessful()).isTrue();
        String id =
            api.create(new SObject[] {sobject("Account", Map.of("Name", "After the limit"))})[0]
                .getId();
        client.awaitEvent("/data/AccountChangeEvent", e -> about(e, id));
        assertThat(limited.streamingSubscribes()).isEqualTo(3);
      }
    }
  }

  @Test
  void unknown_channel_is_rejected() throws Exception {
    try (TestStreamingClient client = client()) {
      Message reply = client.subscribe("/data/LeadChangeEvent", -1);

      assertThat(reply.isSuccessful()).isFalse();
      assertThat(reply.get(Message.ERROR_FIELD))
          .isEqualTo(
              "400::The channel you requested to subscribe to doesn't exist /data/LeadChangeEvent");
    }
  }

  @Test
  void dropped_client_gets_403_unknown_client_rehandshakes_and_resumes_from_its_replay_id()
      throws Exception {
    try (TestStreamingClient client = client()) {
      client.subscribe("/data/AccountChangeEvent", -1);
      String before = createAccount("Before drop");
      client.awaitEvent("/data/AccountChangeEvent", e -> about(e, before));

      assertThat(sim.dropStreamingClients()).isGreaterThanOrEqualTo(1);
      String during = createAccount("While dropped");
      await().atMost(TestStreamingClient.WAIT).until(() -> client.successfulHandshakes.get() >= 2);

      client.awaitEvent("/data/AccountChangeEvent", e -> about(e, during));
      assertThat(client.metaErrors)
          .anySatisfy(m -> assertThat(m.get(Message.ERROR_FIELD)).isEqualTo("403::Unknown client"));
      assertThat(client.events("/data/AccountChangeEvent"))
          .extracting(TestStreamingClient::replayId)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void revoked_token_gets_401_and_the_client_stops() throws Exception {
    String token = TestOrgs.login(sim).getConfig().getSessionId();
    try (TestStreamingClient client = new TestStreamingClient(sim, token)) {
      client.handshake();
      client.subscribe("/data/AccountChangeEvent", -1);

      sim.revokeToken(token);

      await()
          .atMost(TestStreamingClient.WAIT)
          .until(
              () ->
                  client.metaErrors.stream()
                      .anyMatch(
                          m -> "401::Authentication invalid".equals(m.get(Message.ERROR_FIELD))));
      await().atMost(TestStreamingClient.WAIT).until(client.client::isDisconnected);
    }
  }

  @Test
  void handshake_with_an_invalid_token_is_denied_with_failure_reason() throws Exception {
    try (TestStreamingClient client = new TestStreamingClient(sim, "00Dbogus!token")) {
      client.handshake();

      Message denied = client.metaErrors.get(0);
      assertThat(denied.get(Message.ERROR_FIELD)).isEqualTo("403::Handshake denied");
      assertThat(denied.getExt())
          .containsEntry("sfdc", Map.of("failureReason", "401::Authentication invalid"));
    }
  }

  @Test
  void platform_events_published_through_the_api_are_delivered() throws Exception {
    try (TestStreamingClient client = client()) {
      client.subscribe("/event/Order_Sync__e", -1);
      connection.create(
          new SObject[] {
            sobject("Order_Sync__e", Map.of("Order_Id__c", "5001", "Status__c", "Shipped"))
          });

      Map<String, Object> event =
          client.awaitEvent(
              "/event/Order_Sync__e", e -> "5001".equals(payload(e).get("Order_Id__c")));

      assertThat(payload(event))
          .containsEntry("Status__c", "Shipped")
          .containsEntry("CreatedById", sim.integrationUser().id())
          .containsKey("CreatedDate");
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) event.get("event");
      assertThat(meta).containsKeys("replayId", "EventUuid");
    }
  }

  @Test
  void gap_events_carry_record_ids_only() throws Exception {
    try (TestStreamingClient client = client()) {
      client.subscribe("/data/AccountChangeEvent", -1);
      String id = createAccount("Gapped");

      assertThat(sim.publishGapEvent("Account", List.of(id), "GAP_UPDATE")).isTrue();

      Map<String, Object> gap =
          client.awaitEvent(
              "/data/AccountChangeEvent", e -> "GAP_UPDATE".equals(header(e).get("changeType")));
      assertThat(header(gap).get("recordIds")).isEqualTo(List.of(id));
      assertThat(payload(gap).keySet()).containsExactly("ChangeEventHeader");
    }
  }
}
