package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.SimulatedSalesforce;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The panel's Apex SOQL as PanelSoql makes it runnable through the API. */
class PanelSoqlTest {
  private final PanelSoql soql = PanelSoql.read(SimulatedSalesforce.packageMetadata());

  @Test
  void static_soql_gets_binds_as_literals_and_loses_the_apex_only_user_mode() {
    String query =
        soql.orderQuery(
            "countStandardOrders",
            Map.of("accountIds", Set.of("001000000000001AAA"), "contactIds", Set.of()));

    assertThat(query)
        .isEqualTo(
            "SELECT COUNT() FROM Order WHERE BC_Order_Id__c != NULL AND (AccountId IN"
                + " ('001000000000001AAA') OR BC_Contact__c IN ('"
                + PanelSoql.NO_ID
                + "'))");
  }

  @Test
  void a_subquery_and_paging_binds_are_kept_in_place() {
    String query =
        soql.orderQuery(
            "loadCustomOrders",
            Map.of(
                "accountIds",
                Set.of(),
                "contactIds",
                Set.of("003000000000001AAA"),
                "size",
                10,
                "rowOffset",
                20));

    assertThat(query)
        .contains("( SELECT Id, BC_Product_Name__c,")
        .contains("FROM BC_Order_Lines__r ORDER BY Name LIMIT 200 )")
        .endsWith("ORDER BY BC_Order_Date__c DESC NULLS LAST, Id DESC LIMIT 10 OFFSET 20")
        .doesNotContain("USER_MODE")
        .doesNotContain(":");
  }

  @Test
  void the_header_queries_are_assembled_from_the_dynamic_apex() {
    assertThat(
            soql.figuresQuery("contactFigures", false, Map.of("contactId", "003000000000001AAA")))
        .isEqualTo(
            "SELECT Id, BC_Lifetime_Revenue__c, BC_Order_Count__c, BC_Last_Order_Date__c,"
                + " BC_Last_Synced__c, AccountId FROM Contact WHERE Id = '003000000000001AAA'"
                + " LIMIT 1");
    assertThat(soql.figuresQuery("accountFigures", true, Map.of("accountId", "001000000000001AAA")))
        .endsWith(
            "FROM Account WHERE Id = '001000000000001AAA' AND BC_Company_Id__c = NULL LIMIT 1");
    assertThat(
            soql.figuresQuery("accountFigures", false, Map.of("accountId", "001000000000001AAA")))
        .endsWith("FROM Account WHERE Id = '001000000000001AAA' LIMIT 1");
  }
}
