package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SOQL subset through query/queryMore, on a fixed data set created once through the API. */
class PartnerQueryTest {
  static SalesforceSimulator sim;
  static PartnerConnection connection;
  static String acmeId;

  @BeforeAll
  static void seed() throws Exception {
    sim = TestOrgs.start();
    connection = TestOrgs.login(sim);
    acmeId =
        connection
            .create(
                new SObject[] {
                  sobject("Account", Map.of("Name", "Acme", "BC_Customer_Id__c", "A-1"))
                })[0]
            .getId();
    String globexId =
        connection
            .create(new SObject[] {sobject("Account", Map.of("Name", "Globex", "Phone", "555"))})[0]
            .getId();
    connection.create(
        new SObject[] {
          sobject(
              "Contact",
              Map.of(
                  "FirstName",
                  "Ann",
                  "LastName",
                  "Alpha",
                  "Email",
                  "ann@acme.test",
                  "AccountId",
                  acmeId)),
          sobject(
              "Contact",
              Map.of(
                  "FirstName",
                  "Bob",
                  "LastName",
                  "Beta",
                  "Email",
                  "bob@acme.test",
                  "AccountId",
                  acmeId)),
          sobject(
              "Contact",
              Map.of("LastName", "Gamma", "Email", "gamma@globex.test", "AccountId", globexId)),
          sobject("Contact", Map.of("FirstName", "Dee", "LastName", "Delta")),
        });
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static List<String> lastNames(QueryResult result) {
    return Arrays.stream(result.getRecords()).map(r -> (String) r.getField("LastName")).toList();
  }

  @Test
  void where_equals_is_case_insensitive_and_order_by_sorts() throws Exception {
    QueryResult result =
        connection.query(
            "SELECT Id, LastName FROM Contact WHERE Email = 'ANN@acme.test' OR Email = 'bob@ACME.test' ORDER BY LastName DESC");

    assertThat(lastNames(result)).containsExactly("Beta", "Alpha");
    assertThat(result.getSize()).isEqualTo(2);
    assertThat(result.isDone()).isTrue();
    assertThat(result.getRecords()[0].getId()).hasSize(18).startsWith("003");
  }

  @Test
  void in_like_not_equal_and_null_filters() throws Exception {
    assertThat(
            lastNames(
                connection.query(
                    "SELECT LastName FROM Contact WHERE LastName IN ('Alpha','Gamma') ORDER BY LastName")))
        .containsExactly("Alpha", "Gamma");
    assertThat(
            lastNames(
                connection.query(
                    "SELECT LastName FROM Contact WHERE Email LIKE '%@acme.%' ORDER BY LastName")))
        .containsExactly("Alpha", "Beta");
    assertThat(lastNames(connection.query("SELECT LastName FROM Contact WHERE AccountId = null")))
        .containsExactly("Delta");
    assertThat(lastNames(connection.query("SELECT LastName FROM Contact WHERE AccountId IS NULL")))
        .containsExactly("Delta");
    assertThat(
            lastNames(
                connection.query(
                    "SELECT LastName FROM Contact WHERE FirstName != null AND (LastName = 'Alpha' OR LastName = 'Delta') ORDER BY LastName")))
        .containsExactly("Alpha", "Delta");
    assertThat(
            lastNames(
                connection.query(
                    "SELECT LastName FROM Contact WHERE LastName NOT IN ('Alpha','Beta') ORDER BY LastName")))
        .containsExactly("Delta", "Gamma");
  }

  @Test
  void filter_on_15_char_id_matches_18_char_lookup() throws Exception {
    QueryResult result =
        connection.query(
            "SELECT LastName FROM Contact WHERE AccountId = '"
                + acmeId.substring(0, 15)
                + "' ORDER BY LastName");

    assertThat(lastNames(result)).containsExactly("Alpha", "Beta");
  }

  @Test
  void parent_relationship_fields_come_back_nested_and_nil_when_empty() throws Exception {
    QueryResult result =
        connection.query(
            "SELECT LastName, Account.Name, Account.Owner.Email, Account.BC_Customer_Id__c FROM Contact ORDER BY LastName");

    SObject alpha = result.getRecords()[0];
    XmlObject account = (XmlObject) alpha.getField("Account");
    assertThat(account.getField("Name")).isEqualTo("Acme");
    assertThat(account.getField("BC_Customer_Id__c")).isEqualTo("A-1");
    assertThat(((XmlObject) account.getField("Owner")).getField("Email"))
        .isEqualTo(sim.integrationUser().email());
    SObject delta = result.getRecords()[2];
    assertThat(delta.getField("LastName")).isEqualTo("Delta");
    assertThat(delta.getField("Account")).isNull();
  }

  @Test
  void where_on_parent_field() throws Exception {
    assertThat(
            lastNames(
                connection.query("SELECT LastName FROM Contact WHERE Account.Name = 'globex'")))
        .containsExactly("Gamma");
  }

  @Test
  void limit_offset_and_count() throws Exception {
    assertThat(
            lastNames(
                connection.query(
                    "SELECT LastName FROM Contact ORDER BY LastName LIMIT 2 OFFSET 1")))
        .containsExactly("Beta", "Delta");
    QueryResult count = connection.query("SELECT COUNT() FROM Contact WHERE AccountId != null");
    assertThat(count.getSize()).isEqualTo(3);
    assertThat(count.getRecords()).isEmpty();
  }

  @Test
  void order_by_puts_nulls_first_ascending_unless_told_otherwise() throws Exception {
    assertThat(
            Arrays.stream(
                    connection
                        .query("SELECT FirstName FROM Contact ORDER BY FirstName")
                        .getRecords())
                .map(r -> r.getField("FirstName")))
        .first()
        .isNull();
    assertThat(
            Arrays.stream(
                    connection
                        .query("SELECT FirstName FROM Contact ORDER BY FirstName NULLS LAST")
                        .getRecords())
                .map(r -> r.getField("FirstName")))
        .last()
        .isNull();
  }

  @Test
  void query_more_pages_through_large_results() throws Exception {
    SObject[] batch = new SObject[200];
    for (int round = 0; round < 3; round++) {
      int r = round;
      Arrays.setAll(
          batch, i -> sobject("Sync_Log__c", Map.of("Message__c", "log " + (r * 200 + i))));
      connection.create(batch);
    }
    connection.setQueryOptions(250);
    try {
      QueryResult page = connection.query("SELECT Id, Name FROM Sync_Log__c ORDER BY Name");
      List<String> names = new ArrayList<>();
      int pages = 1;
      Arrays.stream(page.getRecords()).forEach(r -> names.add((String) r.getField("Name")));
      while (!page.isDone()) {
        page = connection.queryMore(page.getQueryLocator());
        Arrays.stream(page.getRecords()).forEach(r -> names.add((String) r.getField("Name")));
        pages++;
      }
      assertThat(page.getSize()).isEqualTo(600);
      assertThat(pages).isEqualTo(3);
      assertThat(names).hasSize(600).doesNotHaveDuplicates().startsWith("SL-0100");
    } finally {
      connection.clearQueryOptions();
    }
  }

  @Test
  void bad_locator_is_invalid_query_locator() {
    assertThatThrownBy(() -> connection.queryMore("01g000000000000AAA-500"))
        .isInstanceOf(InvalidQueryLocatorFault.class);
  }

  @Test
  void unknown_column_and_bad_syntax_are_query_faults() {
    assertThatThrownBy(() -> connection.query("SELECT Nope__c FROM Contact"))
        .isInstanceOfSatisfying(
            InvalidFieldFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD));
    assertThatThrownBy(() -> connection.query("SELECT LastName FROM Contact WHERE"))
        .isInstanceOfSatisfying(
            MalformedQueryFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.MALFORMED_QUERY));
  }
}
