package io.bcsync.sync.rules;

import io.bcsync.db.DataAccessFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One record an order rule's firing wrote ({@code sync_rule_write}, V42), for the record timeline:
 * a Case (by its {@code BC_Case_Key__c}), a campaign membership (the Campaign as the rule names it
 * and the Contact enrolled) or a high-value Opportunity, with the Salesforce id when the write's
 * answer carried it (a membership that existed already, or a Case updated by key, may have none).
 *
 * @param action {@code case}, {@code campaign} or {@code opportunity}
 * @param target what was written, e.g. {@code Case demo:250:payment_declined} or {@code Campaign
 *     name:Spring VIPs, Contact 003…}
 */
public record RuleWrite(
    String firingKey, long orderId, String action, String target, String salesforceId) {
  static final int MAX_TARGET = 255;

  /** The writes of one firing: its memberships, its Cases, its Opportunity if any. */
  static List<RuleWrite> of(
      String firingKey,
      long orderId,
      List<Enrolment> enrolments,
      List<CaseRequest> cases,
      Map<String, String> caseIds,
      String opportunityId) {
    List<RuleWrite> writes = new ArrayList<>();
    for (Enrolment e : enrolments) {
      writes.add(
          new RuleWrite(
              firingKey,
              orderId,
              "campaign",
              "Campaign " + e.campaignKey() + ", Contact " + e.contactId(),
              null));
    }
    for (CaseRequest c : cases) {
      writes.add(
          new RuleWrite(
              firingKey,
              orderId,
              "case",
              "Case " + c.key(),
              caseIds.get(c.key().toLowerCase(java.util.Locale.ROOT))));
    }
    if (opportunityId != null) {
      writes.add(new RuleWrite(firingKey, orderId, "opportunity", "Opportunity", opportunityId));
    }
    return writes;
  }

  /**
   * Inserts the writes in the caller's transaction; a row already there (two workers recording the
   * same firing) stays as it is.
   */
  static void save(Connection connection, String storeHash, List<RuleWrite> writes, long now)
      throws SQLException {
    Map<String, Integer> seqByFiring = new java.util.HashMap<>();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO sync_rule_write (store_hash, firing_key, seq, order_id, action, target,"
                + " sf_id, written_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (RuleWrite write : writes) {
        insert.setString(1, storeHash);
        insert.setString(2, write.firingKey());
        insert.setInt(3, seqByFiring.merge(write.firingKey(), 1, Integer::sum));
        insert.setLong(4, write.orderId());
        insert.setString(5, write.action());
        String target = write.target();
        insert.setString(
            6, target.length() <= MAX_TARGET ? target : target.substring(0, MAX_TARGET));
        insert.setString(7, write.salesforceId());
        insert.setLong(8, now);
        try {
          insert.executeUpdate();
        } catch (SQLException e) {
          // The same firing recorded by another worker: its rows are the same writes. A duplicate
          // key fails only this statement, not the transaction (db/Upsert).
          if (!DataAccessFailure.isUniqueViolation(e)) {
            throw e;
          }
        }
      }
    }
  }
}
