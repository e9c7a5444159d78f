package io.bcsync.pipeline;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records several events in the caller's transaction with a handful of statements in total instead
 * of four or more per event: one lookup and one batched insert of duplicate keys, one locking
 * lookup of the entities' open work items, one batched update and one batched insert of work items,
 * one batched insert of events. With {@code rewriteBatchedStatements} on MySQL/MariaDB each batch
 * is a single multi-row statement.
 *
 * <p>The outcome is exactly what {@link EventIntake#recordInTransaction} would give for the same
 * events one after another: an event repeating a live key (stored, or claimed earlier in the same
 * group) is a duplicate and claims nothing; events for one entity join its single open item (or
 * open one) with the event count, scopes and dirty flag the row-by-row path would leave.
 *
 * <p>Anything that would need the row-by-row path's conflict handling (a key or open item inserted
 * concurrently by another transaction, an expired key taken over meanwhile, the webhook-id
 * backstop, a value the column refuses) throws {@link SQLException}; the caller rolls back and
 * records the members one by one, so the group path never has to be right about a race, only about
 * the common case.
 */
@Singleton
public class GroupIntake {
  private final EventIntake intake;
  private final Clock clock;

  public GroupIntake(EventIntake intake, Clock clock) {
    this.intake = intake;
    this.clock = clock;
  }

  /**
   * Computes what does not need the database (the duplicate keys' hashes), so the submitting thread
   * does it rather than the writer that every member of a group waits for.
   */
  Member prepare(IncomingEvent event) {
    return new Member(event, intake.dedupeKeys(event));
  }

  /** Returns one result per member, in order. */
  List<IntakeResult> recordInTransaction(Connection connection, List<Member> members)
      throws SQLException {
    long now = clock.millis();
    List<IncomingEvent> events = members.stream().map(Member::event).toList();
    List<IntakeResult> results = new ArrayList<>(events.size());
    List<Integer> acceptedIndexes = new ArrayList<>(events.size());
    claimDedupeKeys(connection, members, now, results, acceptedIndexes);
    if (acceptedIndexes.isEmpty()) {
      return results;
    }
    Map<String, OpenItem> items = new LinkedHashMap<>();
    for (int index : acceptedIndexes) {
      IncomingEvent event = events.get(index);
      items
          .computeIfAbsent(event.entity().key(), key -> new OpenItem(event.entity()))
          .add(event.scope());
    }
    joinOrOpenWorkItems(connection, items, now);
    long[] eventIds = insertEvents(connection, events, acceptedIndexes, items, now);
    for (int i = 0; i < acceptedIndexes.size(); i++) {
      IncomingEvent event = events.get(acceptedIndexes.get(i));
      results.set(
          acceptedIndexes.get(i),
          new IntakeResult.Accepted(eventIds[i], items.get(event.entity().key()).id));
    }
    return results;
  }

  /**
   * Decides duplicates in member order, then stores the winners' keys. {@code results} gets a
   * duplicate or a null placeholder per event; {@code acceptedIndexes} the events that claimed all
   * their keys.
   */
  private static void claimDedupeKeys(
      Connection connection,
      List<Member> members,
      long now,
      List<IntakeResult> results,
      List<Integer> acceptedIndexes)
      throws SQLException {
    Set<String> allKeys = new HashSet<>();
    for (Member member : members) {
      member.dedupeKeys().forEach(claim -> allKeys.add(claim.key()));
    }
    Map<String, Long> stored = storedKeyExpiries(connection, allKeys);
    Set<String> claimedInGroup = new HashSet<>();
    List<EventIntake.DedupeKey> inserts = new ArrayList<>();
    List<EventIntake.DedupeKey> takeOvers = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      String duplicateKind = null;
      for (EventIntake.DedupeKey claim : members.get(i).dedupeKeys()) {
        Long expiresAt = stored.get(claim.key());
        if (claimedInGroup.contains(claim.key()) || (expiresAt != null && expiresAt > now)) {
          duplicateKind = claim.kind();
          break;
        }
      }
      if (duplicateKind != null) {
        results.add(
            new IntakeResult.Duplicate("same " + duplicateKind + " seen within its window"));
        continue;
      }
      for (EventIntake.DedupeKey claim : members.get(i).dedupeKeys()) {
        claimedInGroup.add(claim.key());
        (stored.containsKey(claim.key()) ? takeOvers : inserts).add(claim);
      }
      results.add(null);
      acceptedIndexes.add(i);
    }
    if (!inserts.isEmpty()) {
      try (PreparedStatement insert = connection.prepareStatement(EventIntake.INSERT_DEDUPE_KEY)) {
        for (EventIntake.DedupeKey claim : inserts) {
          insert.setString(1, claim.key());
          insert.setLong(2, claim.expiresAt(now));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    // Expired keys are rare (a redelivery after the window); taking them over one by one keeps the
    // check simple.
    for (EventIntake.DedupeKey claim : takeOvers) {
      try (PreparedStatement takeOver =
          connection.prepareStatement(EventIntake.TAKE_OVER_DEDUPE_KEY)) {
        takeOver.setLong(1, claim.expiresAt(now));
        takeOver.setString(2, claim.key());
        takeOver.setLong(3, now);
        if (takeOver.executeUpdate() != 1) {
          throw new SQLException(
              "dedupe key changed concurrently; record the group one by one", "40001");
        }
      }
    }
  }

  private static Map<String, Long> storedKeyExpiries(Connection connection, Collection<String> keys)
      throws SQLException {
    Map<String, Long> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT dedupe_key, expires_at_ms FROM webhook_dedupe WHERE dedupe_key IN ("
                + Sql.placeholders(keys.size())
                + ")")) {
      Sql.bindAll(select, 1, keys);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          stored.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return stored;
  }

  private static void joinOrOpenWorkItems(
      Connection connection, Map<String, OpenItem> items, long now) throws SQLException {
    Map<String, String> storedScopes = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, open_key, scopes FROM work_item WHERE open_key IN ("
                + Sql.placeholders(items.size())
                + ") FOR UPDATE")) {
      Sql.bindAll(select, 1, items.keySet());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          OpenItem item = items.get(rs.getString(2));
          item.id = rs.getLong(1);
          storedScopes.put(rs.getString(2), rs.getString(3));
        }
      }
    }
    List<OpenItem> joined = items.values().stream().filter(item -> item.id != null).toList();
    List<OpenItem> opened = items.values().stream().filter(item -> item.id == null).toList();
    if (!joined.isEmpty()) {
      try (PreparedStatement update = connection.prepareStatement(EventIntake.JOIN_WORK_ITEM)) {
        for (OpenItem item : joined) {
          update.setInt(1, item.scopes.size());
          update.setString(2, item.scopesAfter(storedScopes.get(item.entity.key())));
          update.setLong(3, now);
          update.setLong(4, item.id);
          update.addBatch();
        }
        update.executeBatch();
      }
    }
    if (!opened.isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              EventIntake.INSERT_WORK_ITEM, Statement.RETURN_GENERATED_KEYS)) {
        for (OpenItem item : opened) {
          insert.setString(1, item.entity.storeHash());
          insert.setString(2, item.entity.type());
          insert.setString(3, item.entity.id());
          insert.setString(4, item.entity.key());
          insert.setString(5, item.scopesAfter(""));
          insert.setInt(6, item.scopes.size());
          insert.setLong(7, now);
          insert.setLong(8, now);
          insert.setLong(9, now);
          insert.addBatch();
        }
        insert.executeBatch();
        long[] ids = Sql.generatedKeys(insert, opened.size());
        for (int i = 0; i < ids.length; i++) {
          opened.get(i).id = ids[i];
        }
      }
    }
  }

  private static long[] insertEvents(
      Connection connection,
      List<IncomingEvent> events,
      List<Integer> indexes,
      Map<String, OpenItem> items,
      long now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(EventIntake.INSERT_EVENT, Statement.RETURN_GENERATED_KEYS)) {
      for (int index : indexes) {
        IncomingEvent event = events.get(index);
        EventIntake.bindEvent(insert, event, items.get(event.entity().key()).id, now);
        insert.addBatch();
      }
      insert.executeBatch();
      return Sql.generatedKeys(insert, indexes.size());
    }
  }

  /** An event with its duplicate keys already computed. */
  record Member(IncomingEvent event, List<EventIntake.DedupeKey> dedupeKeys) {}

  /**
   * One entity's open work item as the group leaves it: the scopes of its events in arrival order.
   */
  private static final class OpenItem {
    final EntityRef entity;
    final List<String> scopes = new ArrayList<>();

    /** Null until the item is found or inserted. */
    Long id;

    OpenItem(EntityRef entity) {
      this.entity = entity;
    }

    void add(String scope) {
      scopes.add(scope);
    }

    String scopesAfter(String stored) {
      String result = stored == null ? "" : stored;
      for (String scope : scopes) {
        result = Scopes.add(result, scope);
      }
      return result;
    }
  }
}
