package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.FieldType;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectorConfig;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login, identity calls, describe and the response headers, all through the real PartnerConnection.
 */
class PartnerSoapBasicsTest {
  static SalesforceSimulator sim;

  @BeforeAll
  static void start() {
    sim = SalesforceSimulator.start(TestOrgs.options().sandbox(true));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void login_returns_session_service_url_and_sandbox_flag() throws Exception {
    ConnectorConfig config = TestOrgs.config(sim);
    config.setManualLogin(true);
    config.setServiceEndpoint(sim.loginUrl()); // manual login posts to the service endpoint
    PartnerConnection connection = new PartnerConnection(config);
    LoginResult result = connection.login(config.getUsername(), config.getPassword());

    assertThat(result.getServerUrl()).isEqualTo(sim.loginUrl() + "/" + sim.orgId());
    assertThat(result.getSessionId()).startsWith(sim.orgId().substring(0, 15) + "!");
    assertThat(result.isSandbox()).isTrue();
    assertThat(result.getUserId()).isEqualTo(sim.integrationUser().id());
    assertThat(result.getUserInfo().getOrganizationId()).isEqualTo(sim.orgId());
  }

  @Test
  void bad_password_is_invalid_login_fault() {
    ConnectorConfig config = TestOrgs.config(sim);
    config.setPassword("wrong");

    assertThatThrownBy(() -> new PartnerConnection(config))
        .isInstanceOfSatisfying(
            LoginFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_LOGIN));
  }

  @Test
  void password_without_security_token_is_rejected() {
    ConnectorConfig config = TestOrgs.config(sim);
    config.setPassword(sim.integrationUser().password());

    assertThatThrownBy(() -> new PartnerConnection(config)).isInstanceOf(LoginFault.class);
  }

  @Test
  void get_user_info_and_server_timestamp() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);

    GetUserInfoResult info = connection.getUserInfo();
    assertThat(info.getUserName()).isEqualTo(sim.integrationUser().username());
    assertThat(info.getOrganizationId()).isEqualTo(sim.orgId());
    assertThat(connection.getServerTimestamp().getTimestamp().toInstant())
        .isBetween(sim.now().minusSeconds(5), sim.now().plusSeconds(5));
  }

  @Test
  void responses_carry_limit_info_header() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);
    connection.getUserInfo();
    long before = connection.getLimitInfoHeader().getLimitInfo()[0].getCurrent();

    connection.getUserInfo();

    LimitInfo info = connection.getLimitInfoHeader().getLimitInfo()[0];
    assertThat(info.getType()).isEqualTo("API REQUESTS");
    assertThat(info.getCurrent()).isEqualTo(before + 1);
    assertThat(info.getLimit()).isEqualTo(100_000);
  }

  @Test
  void uncompressed_requests_work_too() throws Exception {
    ConnectorConfig config = TestOrgs.config(sim);
    config.setCompression(false);
    PartnerConnection connection = new PartnerConnection(config);

    SaveResult[] results =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "Plain Text Inc"))});

    assertThat(results[0].isSuccess()).isTrue();
  }

  @Test
  void describe_reports_standard_and_package_fields() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);

    DescribeSObjectResult account = connection.describeSObject("Account");

    assertThat(account.getKeyPrefix()).isEqualTo("001");
    assertThat(account.getName()).isEqualTo("Account");
    Field external =
        Arrays.stream(account.getFields())
            .filter(f -> f.getName().equals("BC_Customer_Id__c"))
            .findFirst()
            .orElseThrow();
    assertThat(external.isExternalId()).isTrue();
    assertThat(external.isUnique()).isTrue();
    assertThat(external.isCaseSensitive()).isFalse();
    assertThat(external.getType()).isEqualTo(FieldType.string);
    Field name =
        Arrays.stream(account.getFields())
            .filter(f -> f.getName().equals("Name"))
            .findFirst()
            .orElseThrow();
    assertThat(name.isNillable()).isFalse();
    Field owner =
        Arrays.stream(account.getFields())
            .filter(f -> f.getName().equals("OwnerId"))
            .findFirst()
            .orElseThrow();
    assertThat(owner.getReferenceTo()).containsExactly("User");
    assertThat(owner.getRelationshipName()).isEqualTo("Owner");

    DescribeSObjectResult log = connection.describeSObject("Sync_Log__c");
    assertThat(log.isCustom()).isTrue();
    assertThat(Arrays.stream(log.getFields()).map(Field::getName))
        .contains("Message__c", "Account__c", "Name");
  }

  @Test
  void describe_global_lists_standard_custom_and_event_objects() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);

    var global = connection.describeGlobal();

    assertThat(Arrays.stream(global.getSobjects()).map(s -> s.getName()))
        .contains("Account", "Order", "PricebookEntry", "Sync_Log__c", "Order_Sync__e");
    assertThat(global.getMaxBatchSize()).isEqualTo(200);
  }

  @Test
  void describe_of_unknown_type_is_invalid_sobject_fault() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);

    assertThatThrownBy(() -> connection.describeSObject("Nope__c"))
        .isInstanceOfSatisfying(
            InvalidSObjectFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_TYPE));
  }

  @Test
  void organization_reports_sandbox_and_standard_price_book_exists() throws Exception {
    PartnerConnection connection = TestOrgs.login(sim);

    SObject org = connection.query("SELECT Id, IsSandbox, Name FROM Organization").getRecords()[0];
    assertThat(org.getField("IsSandbox")).isEqualTo("true");
    assertThat(org.getId()).isEqualTo(sim.orgId());

    SObject[] books =
        connection.query("SELECT Id FROM Pricebook2 WHERE IsStandard = true").getRecords();
    assertThat(books).extracting(SObject::getId).containsExactly(sim.standardPricebookId());
  }
}
