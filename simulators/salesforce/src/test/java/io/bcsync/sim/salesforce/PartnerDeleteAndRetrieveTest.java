package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static io.bcsync.sim.salesforce.TestOrgs.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** delete / undelete / retrieve through force-wsc: cascades, per-id errors, the recycle bin. */
class PartnerDeleteAndRetrieveTest extends PartnerApiTestBase {
  @Test
  void delete_cascades_and_reports_per_id_errors() throws Exception {
    String accountId =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "Cascade"))})[0].getId();
    String contactId =
        connection
            .create(
                new SObject[] {
                  sobject("Contact", Map.of("LastName", "Gone", "AccountId", accountId))
                })[0]
            .getId();

    DeleteResult[] results = connection.delete(new String[] {accountId, accountId, "not-an-id"});

    assertThat(results[0].isSuccess()).isTrue();
    assertThat(results[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_DELETED);
    assertThat(results[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.MALFORMED_ID);
    assertThat(sim.record(contactId)).isEmpty();
  }

  @Test
  void undelete_restores_from_the_recycle_bin_and_query_all_sees_deleted_rows() throws Exception {
    String name = unique("bin");
    String id =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", name))})[0].getId();
    connection.delete(new String[] {id});

    assertThat(connection.query("SELECT Id FROM Account WHERE Name = '" + name + "'").getSize())
        .isZero();
    SObject binned =
        connection.queryAll("SELECT Id, IsDeleted FROM Account WHERE Name = '" + name + "'")
            .getRecords()[0];
    assertThat(binned.getField("IsDeleted")).isEqualTo("true");

    assertThat(connection.undelete(new String[] {id})[0].isSuccess()).isTrue();
    assertThat(connection.undelete(new String[] {id})[0].getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.UNDELETE_FAILED);
    assertThat(sim.record(id)).isPresent();
  }

  @Test
  void retrieve_returns_records_in_request_order_with_nil_for_unknown_ids() throws Exception {
    String a =
        connection
            .create(new SObject[] {sobject("Account", Map.of("Name", "Ret A", "Phone", "1"))})[0]
            .getId();
    String b =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "Ret B"))})[0].getId();

    SObject[] records =
        connection.retrieve(
            "Name, Phone", "Account", new String[] {b, "001000000000000AAA", a.substring(0, 15)});

    assertThat(records[0].getId()).isEqualTo(b);
    assertThat(records[0].getField("Name")).isEqualTo("Ret B");
    assertThat(records[0].getField("Phone")).isNull();
    assertThat(records[1]).isNull();
    assertThat(records[2].getField("Phone")).isEqualTo("1");
  }
}
