package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One membership per Campaign and person (../shared/reference/salesforce.md E.8): a second
 * CampaignMember for the same Campaign and Contact is refused with DUPLICATE_VALUE, also within one
 * call, while the same Contact in another Campaign is fine.
 */
class CampaignMemberRulesTest {
  static SalesforceSimulator sim;
  static PartnerConnection connection;

  @BeforeAll
  static void start() throws Exception {
    sim = TestOrgs.start();
    connection = TestOrgs.login(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String create(String type, Map<String, Object> fields) throws Exception {
    SaveResult result = connection.create(new SObject[] {sobject(type, fields)})[0];
    assertThat(result.getErrors()).as("creating %s", type).isEmpty();
    return result.getId();
  }

  private static SObject member(String campaign, String contact) {
    return sobject("CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact));
  }

  @Test
  void a_second_member_for_the_same_campaign_and_contact_is_refused_as_a_duplicate()
      throws Exception {
    String spring = create("Campaign", Map.of("Name", "Spring"));
    String autumn = create("Campaign", Map.of("Name", "Autumn"));
    String dee = create("Contact", Map.of("LastName", "Dee"));
    String eve = create("Contact", Map.of("LastName", "Eve"));
    create("CampaignMember", Map.of("CampaignId", spring, "ContactId", dee));

    SaveResult[] results =
        connection.create(
            new SObject[] {
              member(spring, dee), member(autumn, dee), member(spring, eve), member(spring, eve)
            });

    assertThat(results[0].isSuccess()).isFalse();
    assertThat(results[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(results[0].getErrors()[0].getMessage()).isEqualTo("Already a campaign member.");
    assertThat(results[1].isSuccess()).isTrue();
    assertThat(results[2].isSuccess()).isTrue();
    assertThat(results[3].isSuccess()).isFalse();
    assertThat(results[3].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(sim.count("CampaignMember")).isEqualTo(3);
  }
}
