package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same external id twice in one upsert call. Real behaviour: Salesforce fails those records
 * with {@code DUPLICATE_VALUE} "Duplicate external id specified: X"; {@code DUPLICATE_EXTERNAL_ID}
 * is reserved for a key that matches several stored records. Source:
 * ../shared/reference/salesforce.md section G ("Upsert, same key twice in one call"), and the
 * upsert() call reference
 * (developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_upsert.htm).
 */
class UpsertSameKeyTest {
  static SalesforceSimulator sim;

  @BeforeAll
  static void start() {
    sim = TestOrgs.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void the_same_key_twice_in_one_call_is_duplicate_value_for_both_and_the_rest_is_saved()
      throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);
    String key = "twice-" + UUID.randomUUID();
    UpsertResult[] results =
        connection.upsert(
            "BC_Customer_Id__c",
            new SObject[] {
              sobject("Account", Map.of("BC_Customer_Id__c", key, "Name", "A")),
              sobject("Account", Map.of("BC_Customer_Id__c", key, "Name", "B")),
              sobject("Account", Map.of("BC_Customer_Id__c", "other-" + key, "Name", "C")),
            });

    for (int i = 0; i < 2; i++) {
      assertThat(results[i].isSuccess()).isFalse();
      assertThat(results[i].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
      assertThat(results[i].getErrors()[0].getMessage())
          .isEqualTo("Duplicate external id specified: " + key);
    }
    assertThat(results[2].isSuccess()).isTrue();
    assertThat(sim.records("Account").stream().filter(r -> key.equals(r.get("BC_Customer_Id__c"))))
        .isEmpty();
  }
}
