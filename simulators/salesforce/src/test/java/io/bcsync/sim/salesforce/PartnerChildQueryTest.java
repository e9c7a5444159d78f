package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.ChildRelationship;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parent-to-child subqueries through force-wsc (SOQL and SOSL Reference, "Using Relationship
 * Queries" and "Understanding Query Results"): the FROM of a subquery names a child relationship
 * from the schema (a standard one, Contacts, and a custom lookup's {@code <relationshipName>} with
 * __r), and each parent record carries the children as a nested QueryResult.
 */
class PartnerChildQueryTest {
  static SalesforceSimulator sim;
  static PartnerConnection connection;
  static String acme;
  static String globex;

  @BeforeAll
  static void seed() throws Exception {
    sim = TestOrgs.start();
    connection = TestOrgs.login(sim);
    acme = create(sobject("Account", Map.of("Name", "Acme")));
    globex = create(sobject("Account", Map.of("Name", "Globex")));
    for (String last : List.of("Cole", "Abel", "Burr")) {
      create(sobject("Contact", Map.of("LastName", last, "AccountId", acme)));
    }
    create(sobject("Sync_Log__c", Map.of("Message__c", "first", "Account__c", acme)));
    create(
        sobject(
            "Sync_Log__c",
            Map.of("Message__c", "second", "Account__c", acme, "Status__c", "Failed")));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void each_parent_carries_its_children_filtered_sorted_and_limited_in_select_order()
      throws Exception {
    QueryResult result =
        connection.query(
            "SELECT Id, (SELECT LastName FROM Contacts WHERE LastName != 'Cole' ORDER BY LastName"
                + " DESC LIMIT 5), Name, (SELECT Message__c FROM Sync_Logs__r ORDER BY Message__c)"
                + " FROM Account WHERE Id IN ('"
                + acme
                + "', '"
                + globex
                + "') ORDER BY Name");

    SObject first = (SObject) result.getRecords()[0];
    assertThat(first.getField("Name")).isEqualTo("Acme");
    assertThat(values(first.getChild("Contacts"), "LastName")).containsExactly("Burr", "Abel");
    assertThat(first.getChild("Contacts").getField("size")).isEqualTo("2");
    assertThat(first.getChild("Contacts").getField("done")).isEqualTo("true");
    assertThat(values(first.getChild("Sync_Logs__r"), "Message__c"))
        .containsExactly("first", "second");
    assertThat(childNames(first))
        .as("select order: Id, Contacts, Name, Sync_Logs__r")
        .containsSubsequence("Id", "Contacts", "Name", "Sync_Logs__r");

    SObject second = (SObject) result.getRecords()[1];
    assertThat(second.getField("Name")).isEqualTo("Globex");
    assertThat(values(second.getChild("Contacts"), "LastName"))
        .as("no children: a nil relationship element")
        .isEmpty();
  }

  @Test
  void the_subquery_limit_caps_the_children() throws Exception {
    QueryResult result =
        connection.query(
            "SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName LIMIT 1) FROM Account"
                + " WHERE Id = '"
                + acme
                + "'");

    assertThat(values(((SObject) result.getRecords()[0]).getChild("Contacts"), "LastName"))
        .containsExactly("Abel");
  }

  @Test
  void a_relationship_the_parent_does_not_have_is_refused_like_the_api_does() {
    assertThatThrownBy(
            () -> connection.query("SELECT Name, (SELECT Id FROM Sync_Logs) FROM Account"))
        .isInstanceOf(InvalidSObjectFault.class)
        .satisfies(
            f ->
                assertThat(((InvalidSObjectFault) f).getExceptionMessage())
                    .startsWith("Didn't understand relationship 'Sync_Logs' in FROM part"));
    assertThatThrownBy(() -> connection.query("SELECT Name, (SELECT Id FROM Contacts) FROM Order"))
        .isInstanceOf(InvalidSObjectFault.class);
    assertThatThrownBy(
            () -> connection.query("SELECT Name, (SELECT Nope__c FROM Contacts) FROM Account"))
        .isInstanceOf(InvalidFieldFault.class)
        .satisfies(
            f ->
                assertThat(((InvalidFieldFault) f).getExceptionMessage())
                    .startsWith("No such column 'Nope__c' on entity 'Contact'"));
  }

  @Test
  void count_offset_and_nesting_inside_a_subquery_are_malformed() {
    for (String inner :
        List.of(
            "SELECT COUNT() FROM Contacts",
            "SELECT Id FROM Contacts LIMIT 1 OFFSET 1",
            "SELECT Id, (SELECT Id FROM Cases) FROM Contacts")) {
      assertThatThrownBy(() -> connection.query("SELECT Id, (" + inner + ") FROM Account"))
          .as(inner)
          .isInstanceOf(MalformedQueryFault.class);
    }
  }

  @Test
  void describe_lists_the_child_relationships_subqueries_use() throws Exception {
    DescribeSObjectResult account = connection.describeSObject("Account");

    List<String> names = new ArrayList<>();
    for (ChildRelationship r : account.getChildRelationships()) {
      names.add(r.getChildSObject() + "." + r.getField() + " " + r.getRelationshipName());
    }
    assertThat(names)
        .contains(
            "Contact.AccountId Contacts",
            "Opportunity.AccountId Opportunities",
            "Order.AccountId Orders",
            "Sync_Log__c.Account__c Sync_Logs__r");
    assertThat(connection.describeSObject("Account").getFields()).isNotEmpty();
  }

  private static String create(SObject record) throws Exception {
    return connection.create(new SObject[] {record})[0].getId();
  }

  private static List<Object> values(XmlObject childResult, String field) {
    List<Object> values = new ArrayList<>();
    if (childResult == null) {
      return values;
    }
    Iterator<XmlObject> records = childResult.getChildren("records");
    while (records.hasNext()) {
      values.add(records.next().getField(field));
    }
    return values;
  }

  private static List<String> childNames(SObject record) {
    List<String> names = new ArrayList<>();
    Iterator<XmlObject> children = record.getChildren();
    while (children.hasNext()) {
      names.add(children.next().getName().getLocalPart());
    }
    return Arrays.asList(names.toArray(new String[0]));
  }
}
