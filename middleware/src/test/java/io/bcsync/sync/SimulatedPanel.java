package io.bcsync.sync;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.bind.XmlObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code BcOrderHistoryController.getOrderHistory(recordId, 10, 1, 'Auto')} shows, computed
 * over the API with the controller's own SOQL ({@link PanelSoql}): the summary as {@code
 * BcCustomerFigures.summaryFor} picks it (the record's own figures, else its B2C counterpart's),
 * the Auto source (standard Orders, else Opportunities, else BC_Order__c), the count and the first
 * page with its lines. Rows keep the fields the Apex maps ({@code BcOrderHistoryModel}); the
 * control-panel URL is the store link the panel builds order links from.
 */
final class SimulatedPanel {
  static final int PAGE_SIZE = 10;

  record Summary(String recordId, Object revenue, Object orderCount, Object lastOrderDate) {}

  record Line(Object name, Object sku, Object quantity, Object unitPrice) {}

  record Row(
      Object orderKey, Object date, Object total, Object controlPanelUrl, List<Line> lines) {}

  record History(Summary summary, String source, int totalCount, List<Row> rows) {}

  private final PartnerConnection connection;
  private final PanelSoql soql;

  SimulatedPanel(PartnerConnection connection, PanelSoql soql) {
    this.connection = connection;
    this.soql = soql;
  }

  History historyOf(String recordId) throws ConnectionException {
    boolean isAccount = recordId.startsWith("001");
    Set<String> accountIds = isAccount ? Set.of(recordId) : Set.of();
    Set<String> contactIds = isAccount ? Set.of() : Set.of(recordId);
    Map<String, Object> binds =
        Map.of(
            "accountIds", accountIds, "contactIds", contactIds, "size", PAGE_SIZE, "rowOffset", 0);
    String source;
    if (count("countStandardOrders", binds) > 0) {
      source = "Standard";
    } else if (count("countOpportunities", binds) > 0) {
      source = "Opportunity";
    } else {
      source = "Custom";
    }
    String countMethod =
        Map.of(
                "Standard", "countStandardOrders",
                "Opportunity", "countOpportunities",
                "Custom", "countCustomOrders")
            .get(source);
    String loadMethod =
        Map.of(
                "Standard", "loadStandardOrders",
                "Opportunity", "loadOpportunities",
                "Custom", "loadCustomOrders")
            .get(source);
    List<Row> rows = new ArrayList<>();
    for (SObject record : records(connection.query(soql.orderQuery(loadMethod, binds)))) {
      rows.add(row(source, record));
    }
    return new History(summaryOf(recordId, isAccount), source, count(countMethod, binds), rows);
  }

  /** BcCustomerFigures.summaryFor: own figures, or the counterpart's when the own are blank. */
  private Summary summaryOf(String recordId, boolean isAccount) throws ConnectionException {
    SObject own =
        isAccount
            ? first("accountFigures", false, Map.of("accountId", recordId))
            : first("contactFigures", false, Map.of("contactId", recordId));
    if (own == null) {
      return null;
    }
    SObject figures = own;
    if (own.getField("BC_Order_Count__c") == null) {
      SObject counterpart = null;
      if (isAccount) {
        List<SObject> contacts =
            records(
                connection.query(
                    soql.figuresQuery("householdContact", false, Map.of("accountId", recordId))));
        counterpart = contacts.size() == 1 ? contacts.get(0) : null;
      } else if (own.getField("AccountId") != null) {
        counterpart = first("accountFigures", true, Map.of("accountId", own.getField("AccountId")));
      }
      if (counterpart != null && counterpart.getField("BC_Order_Count__c") != null) {
        figures = counterpart;
      }
    }
    return new Summary(
        (String) figures.getField("Id"),
        figures.getField("BC_Lifetime_Revenue__c"),
        figures.getField("BC_Order_Count__c"),
        figures.getField("BC_Last_Order_Date__c"));
  }

  private SObject first(String method, boolean condition, Map<String, Object> binds)
      throws ConnectionException {
    List<SObject> rows = records(connection.query(soql.figuresQuery(method, condition, binds)));
    return rows.isEmpty() ? null : rows.get(0);
  }

  private int count(String method, Map<String, Object> binds) throws ConnectionException {
    return connection.query(soql.orderQuery(method, binds)).getSize();
  }

  private static Row row(String source, SObject r) {
    switch (source) {
      case "Standard":
        return new Row(
            r.getField("BC_Order_Id__c"),
            r.getField("EffectiveDate"),
            r.getField("BC_Grand_Total__c"),
            parentField(r, "BC_Store__r", "BC_Control_Panel_URL__c"),
            lines(
                r.getChild("OrderItems"),
                "BC_Product_Name__c",
                "BC_Sku__c",
                "Quantity",
                "UnitPrice"));
      case "Opportunity":
        // Opportunities have no store link, so the panel builds no control-panel link for them.
        return new Row(
            r.getField("BC_Order_Id__c"),
            r.getField("CloseDate"),
            r.getField("Amount"),
            null,
            lines(
                r.getChild("OpportunityLineItems"), "Description", null, "Quantity", "UnitPrice"));
      default:
        return new Row(
            r.getField("BC_Order_Id__c"),
            r.getField("BC_Order_Date__c"),
            r.getField("BC_Grand_Total__c"),
            parentField(r, "BC_Store__r", "BC_Control_Panel_URL__c"),
            lines(
                r.getChild("BC_Order_Lines__r"),
                "BC_Product_Name__c",
                "BC_Sku__c",
                "BC_Quantity__c",
                "BC_Unit_Price__c"));
    }
  }

  private static List<Line> lines(
      XmlObject children, String name, String sku, String quantity, String unitPrice) {
    List<Line> lines = new ArrayList<>();
    if (children == null) {
      return lines;
    }
    Iterator<XmlObject> records = children.getChildren("records");
    while (records.hasNext()) {
      XmlObject line = records.next();
      lines.add(
          new Line(
              line.getField(name),
              sku == null ? null : line.getField(sku),
              decimal(line.getField(quantity)),
              decimal(line.getField(unitPrice))));
    }
    return lines;
  }

  private static Object parentField(SObject record, String relationship, String field) {
    XmlObject parent = record.getChild(relationship);
    return parent == null ? null : parent.getField(field);
  }

  private static BigDecimal decimal(Object value) {
    return value == null ? null : new BigDecimal(value.toString());
  }

  private static List<SObject> records(QueryResult result) {
    List<SObject> records = new ArrayList<>();
    for (SObject record : result.getRecords()) {
      records.add(record);
    }
    return records;
  }
}
