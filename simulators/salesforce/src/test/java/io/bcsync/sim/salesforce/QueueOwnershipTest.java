package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queues own only the objects they support (QueueSobject), and a package's Queue metadata deploys a
 * Queue with its supported objects.
 */
class QueueOwnershipTest {
  @TempDir static Path dir;
  private static SalesforceSimulator sim;
  private static PartnerConnection connection;

  @BeforeAll
  static void start() throws Exception {
    Path queues = Files.createDirectories(dir.resolve("force-app/main/default/queues"));
    Files.writeString(
        queues.resolve("BC_Order_Problems.queue-meta.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Queue xmlns="http://soap.sforce.com/2006/04/metadata">
            <name>BC Order Problems</name>
            <queueSobject>
                <sobjectType>Case</sobjectType>
            </queueSobject>
        </Queue>
        """);
    sim = SalesforceSimulator.start(TestOrgs.options().metadata(dir.resolve("force-app")));
    connection = TestOrgs.login(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String queueId(String developerName) throws Exception {
    return connection
        .query(
            "SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = '" + developerName + "'")
        .getRecords()[0]
        .getId();
  }

  private static SaveResult createCase(String ownerId) throws Exception {
    return connection
        .create(
            new SObject[] {
              sobject("Case", Map.of("Subject", "Problem order", "OwnerId", ownerId))
            })[0];
  }

  @Test
  void the_packages_queue_is_deployed_supporting_case_and_owns_a_case() throws Exception {
    String queue = queueId("BC_Order_Problems");
    SObject[] supported =
        connection
            .query("SELECT SobjectType FROM QueueSobject WHERE QueueId = '" + queue + "'")
            .getRecords();

    assertThat(Arrays.stream(supported).map(s -> s.getField("SobjectType")))
        .containsExactly("Case");
    assertThat(createCase(queue).getErrors()).isEmpty();
  }

  @Test
  void a_case_owned_by_a_queue_that_does_not_support_case_is_refused() throws Exception {
    SaveResult refused = createCase(queueId("Web_Orders"));

    assertThat(refused.getSuccess()).isFalse();
    assertThat(refused.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(refused.getErrors()[0].getMessage()).contains("Web_Orders does not support Case");
    assertThat(refused.getErrors()[0].getFields()).containsExactly("OwnerId");
  }
}
