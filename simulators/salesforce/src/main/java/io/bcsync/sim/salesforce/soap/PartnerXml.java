package io.bcsync.sim.salesforce.soap;

import io.bcsync.sim.salesforce.data.FieldValues;
import io.bcsync.sim.salesforce.data.RecordError;
import io.bcsync.sim.salesforce.data.SaveOutcome;
import io.bcsync.sim.salesforce.soql.QueryResultPage;
import io.bcsync.sim.salesforce.soql.ResultRecord;
import java.util.List;

/**
 * Partner WSDL result shapes, with elements in WSDL sequence order (force-wsc rejects anything
 * else).
 */
final class PartnerXml {
  private PartnerXml() {}

  static String saveResults(String operation, List<SaveOutcome> outcomes, boolean withCreated) {
    Xml xml = new Xml().open(operation + "Response");
    for (SaveOutcome o : outcomes) {
      xml.open("result");
      if (withCreated) {
        xml.element("created", o.created());
      }
      o.errors().forEach(e -> error(xml, e));
      xml.element("id", o.id()).element("success", o.success()).close("result");
    }
    return xml.close(operation + "Response").toString();
  }

  /**
   * LeadConvertResult: accountId, contactId, errors, leadId, opportunityId, success (WSDL order).
   */
  static String convertLeadResults(
      List<io.bcsync.sim.salesforce.data.LeadConvertOutcome> outcomes) {
    Xml xml = new Xml().open("convertLeadResponse");
    for (io.bcsync.sim.salesforce.data.LeadConvertOutcome o : outcomes) {
      xml.open("result").element("accountId", o.accountId()).element("contactId", o.contactId());
      o.errors().forEach(e -> error(xml, e));
      xml.element("leadId", o.leadId())
          .element("opportunityId", o.opportunityId())
          .element("success", o.success())
          .close("result");
    }
    return xml.close("convertLeadResponse").toString();
  }

  private static void error(Xml xml, RecordError error) {
    xml.open("errors");
    error.fields().forEach(f -> xml.element("fields", f));
    xml.element("message", error.message())
        .element("statusCode", error.statusCode())
        .close("errors");
  }

  static String queryResult(String operation, QueryResultPage page) {
    Xml xml =
        new Xml()
            .open(operation + "Response")
            .raw("<result xsi:type=\"QueryResult\">")
            .element("done", page.done())
            .element("queryLocator", page.queryLocator());
    page.records().forEach(r -> record(xml, "records", r));
    return xml.element("size", page.totalSize())
        .close("result")
        .close(operation + "Response")
        .toString();
  }

  /**
   * A subquery's rows as the nested QueryResult the partner API sends (SOQL and SOSL Reference,
   * "Understanding Query Results": "Query results are returned as nested objects"), in QueryResult
   * order (done, queryLocator, records, size); nil when the record has no such children. All rows
   * come in one batch: the subquery's LIMIT bounds them, and the simulator never pages a child
   * result with queryMore.
   */
  private static void childResult(Xml xml, ResultRecord.ChildColumn child) {
    String tag = "sf:" + child.relationshipName();
    if (child.records().isEmpty()) {
      xml.element(tag, null);
      return;
    }
    xml.raw("<" + tag + " xsi:type=\"QueryResult\">")
        .element("done", true)
        .element("queryLocator", null);
    child.records().forEach(r -> record(xml, "records", r));
    xml.element("size", child.records().size()).close(tag);
  }

  static String retrieveResult(List<ResultRecord> records) {
    Xml xml = new Xml().open("retrieveResponse");
    for (ResultRecord r : records) {
      if (r == null) {
        xml.raw("<result xsi:nil=\"true\"/>");
      } else {
        record(xml, "result", r);
      }
    }
    return xml.close("retrieveResponse").toString();
  }

  /**
   * sf:type, a leading sf:Id (real responses repeat it when Id is also selected), then the selected
   * fields.
   */
  private static void record(Xml xml, String tag, ResultRecord record) {
    xml.raw("<" + tag + " xsi:type=\"sf:sObject\">")
        .element("sf:type", record.type())
        .element("sf:Id", record.id());
    for (ResultRecord.Column column : record.columns()) {
      if (column instanceof ResultRecord.FieldColumn field) {
        xml.element("sf:" + field.field().name(), FieldValues.format(field.field(), field.value()));
      } else if (column instanceof ResultRecord.ChildColumn child) {
        childResult(xml, child);
      } else if (column instanceof ResultRecord.ParentColumn parent) {
        if (parent.parent() == null) {
          xml.element("sf:" + parent.relationshipName(), null);
        } else {
          record(xml, "sf:" + parent.relationshipName(), parent.parent());
        }
      }
    }
    xml.close(tag);
  }
}
