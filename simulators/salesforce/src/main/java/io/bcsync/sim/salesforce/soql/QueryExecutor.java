package io.bcsync.sim.salesforce.soql;

import io.bcsync.sim.salesforce.data.Record;
import io.bcsync.sim.salesforce.data.RecordReader;
import io.bcsync.sim.salesforce.data.RecordStore;
import io.bcsync.sim.salesforce.fault.ApiFault;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import io.bcsync.sim.salesforce.soql.ResultRecord.ChildColumn;
import io.bcsync.sim.salesforce.soql.ResultRecord.Column;
import io.bcsync.sim.salesforce.soql.ResultRecord.FieldColumn;
import io.bcsync.sim.salesforce.soql.ResultRecord.ParentColumn;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Condition;
import io.bcsync.sim.salesforce.soql.SoqlQuery.FieldPath;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Ordering;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Runs parsed SOQL against the record store and shapes rows like the partner API returns them. */
public final class QueryExecutor {
  private final Schema schema;
  private final RecordStore store;
  private final RecordReader reader;
  private final PathResolver resolver;
  private final Clock clock;

  public QueryExecutor(Schema schema, RecordStore store, RecordReader reader, Clock clock) {
    this.clock = clock;
    this.schema = schema;
    this.store = store;
    this.reader = reader;
    this.resolver = new PathResolver(schema);
  }

  /** Result of running a query: all matching rows (paging is the cursor's job) or just a count. */
  public record Rows(List<ResultRecord> records, int count) {}

  public Rows run(String soql) {
    return run(soql, false);
  }

  /** includeDeleted: queryAll semantics, recycle-bin records included (IsDeleted = true). */
  public Rows run(String soql, boolean includeDeleted) {
    SoqlQuery query = SoqlParser.parse(soql);
    SObjectType type =
        schema
            .type(query.object())
            .filter(SObjectType::queryable)
            .orElseThrow(() -> ApiFault.unknownType(query.object()));
    validate(type, query);
    List<ChildPlan> children =
        query.children().stream().map(child -> childPlan(type, child)).toList();
    Instant now = clock.instant();
    return store.inTransaction(
        () -> {
          List<Record> candidates = includeDeleted ? store.withDeleted(type) : store.live(type);
          List<Record> matching =
              new ArrayList<>(
                  candidates.stream()
                      .filter(r -> query.where() == null || matches(type, r, query.where(), now))
                      .toList());
          if (query.countOnly()) {
            return new Rows(List.of(), matching.size());
          }
          matching.sort(comparator(type, query.orderBy()));
          int from = Math.min(query.offset() == null ? 0 : query.offset(), matching.size());
          int to =
              query.limit() == null
                  ? matching.size()
                  : Math.min(matching.size(), from + query.limit());
          List<ResultRecord> rows =
              matching.subList(from, to).stream()
                  .map(r -> shape(r, query.fields(), childColumns(r, children, now)))
                  .toList();
          return new Rows(rows, rows.size());
        });
  }

  private void validate(SObjectType type, SoqlQuery query) {
    query.fields().forEach(f -> resolver.resolve(type, f));
    query.orderBy().forEach(o -> resolver.resolve(type, o.field()));
    checkLiterals(type, query.where());
  }

  /** A subquery resolved against the schema: the child object and its lookup to the parent. */
  private record ChildPlan(Schema.ChildRelationship relationship, SoqlQuery query, int position) {}

  /**
   * The subquery's FROM names a child relationship of the parent, as describe's childRelationships
   * lists it (SOQL and SOSL Reference, "Understanding Relationship Names"); anything else is the
   * API's INVALID_TYPE "Didn't understand relationship".
   */
  private ChildPlan childPlan(SObjectType parent, SoqlQuery.ChildQuery child) {
    String name = child.query().object();
    Schema.ChildRelationship relationship =
        schema
            .childRelationship(parent, name)
            .orElseThrow(
                () ->
                    ApiFault.of(
                        ApiFault.Type.INVALID_SOBJECT,
                        "INVALID_TYPE",
                        "Didn't understand relationship '"
                            + name
                            + "' in FROM part of query call. If you are attempting to use a custom"
                            + " relationship, be sure to append the '__r' after the custom"
                            + " relationship name. Please reference your WSDL or the describe call"
                            + " for the appropriate names."));
    validate(relationship.child(), child.query());
    return new ChildPlan(relationship, child.query(), child.position());
  }

  /**
   * The subqueries' rows of one parent record: its live children through the relationship's lookup,
   * filtered, sorted and limited like a query of their own.
   */
  private Map<Integer, List<Column>> childColumns(
      Record parent, List<ChildPlan> children, Instant now) {
    Map<Integer, List<Column>> byPosition = new LinkedHashMap<>();
    for (ChildPlan plan : children) {
      SObjectType childType = plan.relationship().child();
      String lookup = plan.relationship().field().name();
      SoqlQuery query = plan.query();
      List<Record> rows =
          new ArrayList<>(
              store.live(childType).stream()
                  .filter(r -> parent.id().equals(r.get(lookup)))
                  .filter(r -> query.where() == null || matches(childType, r, query.where(), now))
                  .toList());
      rows.sort(comparator(childType, query.orderBy()));
      List<ResultRecord> shaped =
          rows.stream()
              .limit(query.limit() == null ? Long.MAX_VALUE : query.limit())
              .map(r -> shape(r, query.fields(), Map.of()))
              .toList();
      byPosition
          .computeIfAbsent(plan.position(), p -> new ArrayList<>())
          .add(new ChildColumn(plan.relationship().field().childRelationshipName(), shaped));
    }
    return byPosition;
  }

  private void checkLiterals(SObjectType type, Condition condition) {
    if (condition instanceof SoqlQuery.And and) {
      checkLiterals(type, and.left());
      checkLiterals(type, and.right());
    } else if (condition instanceof SoqlQuery.Or or) {
      checkLiterals(type, or.left());
      checkLiterals(type, or.right());
    } else if (condition instanceof SoqlQuery.Not not) {
      checkLiterals(type, not.inner());
    } else if (condition instanceof SoqlQuery.Comparison c) {
      ConditionEvaluator.check(resolver.resolve(type, c.field()).field(), c.value());
    } else if (condition instanceof SoqlQuery.InList in) {
      FieldDef field = resolver.resolve(type, in.field()).field();
      in.values().forEach(v -> ConditionEvaluator.check(field, v));
    }
  }

  private boolean matches(SObjectType type, Record record, Condition condition, Instant now) {
    if (condition instanceof SoqlQuery.And and) {
      return matches(type, record, and.left(), now) && matches(type, record, and.right(), now);
    }
    if (condition instanceof SoqlQuery.Or or) {
      return matches(type, record, or.left(), now) || matches(type, record, or.right(), now);
    }
    if (condition instanceof SoqlQuery.Not not) {
      return !matches(type, record, not.inner(), now);
    }
    if (condition instanceof SoqlQuery.Comparison c) {
      PathResolver.Resolved path = resolver.resolve(type, c.field());
      return ConditionEvaluator.compare(
          path.field(), valueAt(record, path), c.op(), c.value(), now);
    }
    SoqlQuery.InList in = (SoqlQuery.InList) condition;
    PathResolver.Resolved path = resolver.resolve(type, in.field());
    Object actual = valueAt(record, path);
    boolean found =
        in.values().stream()
            .anyMatch(v -> ConditionEvaluator.compare(path.field(), actual, "=", v, now));
    return in.negated() != found;
  }

  private Object valueAt(Record record, PathResolver.Resolved path) {
    Record current = record;
    for (FieldDef lookup : path.lookups()) {
      Object parentId = current.get(lookup.name());
      Optional<Record> parent =
          parentId == null ? Optional.empty() : store.findLive((String) parentId);
      if (parent.isEmpty()) {
        return null;
      }
      current = parent.get();
    }
    Optional<FieldDef> field = current.type().field(path.field().name());
    Record owner = current;
    return field.map(f -> reader.value(owner, f)).orElse(null);
  }

  private Comparator<Record> comparator(SObjectType type, List<Ordering> orderBy) {
    Comparator<Record> result = (a, b) -> 0;
    for (Ordering ordering : orderBy) {
      PathResolver.Resolved path = resolver.resolve(type, ordering.field());
      Comparator<Object> values =
          ordering.ascending() ? ConditionEvaluator.ORDER : ConditionEvaluator.ORDER.reversed();
      Comparator<Object> withNulls =
          ordering.nullsFirst() ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
      result = result.thenComparing(r -> valueAt(r, path), withNulls);
    }
    return result;
  }

  /**
   * Groups parent fields under one nested record per relationship, at the position of its first
   * field.
   */
  private ResultRecord shape(
      Record record, List<FieldPath> fields, Map<Integer, List<Column>> children) {
    List<Column> columns = new ArrayList<>();
    Map<String, List<FieldPath>> byRelationship = new LinkedHashMap<>();
    Map<String, String> relationshipNames = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      columns.addAll(children.getOrDefault(i, List.of()));
      FieldPath path = fields.get(i);
      List<String> segments = path.segments();
      if (segments.size() > 1 && segments.get(0).equalsIgnoreCase(record.type().name())) {
        segments = segments.subList(1, segments.size());
      }
      if (segments.size() == 1) {
        FieldDef field = record.type().field(segments.get(0)).orElseThrow();
        if (columns.stream().noneMatch(c -> c instanceof FieldColumn fc && fc.field() == field)) {
          columns.add(new FieldColumn(field, reader.value(record, field)));
        }
        continue;
      }
      FieldDef lookup = record.type().relationship(segments.get(0)).orElseThrow();
      String key = lookup.relationshipName().toLowerCase(Locale.ROOT);
      if (!byRelationship.containsKey(key)) {
        byRelationship.put(key, new ArrayList<>());
        relationshipNames.put(key, lookup.relationshipName());
        columns.add(new ParentColumn(key, null));
      }
      byRelationship
          .get(key)
          .add(new FieldPath(segments.subList(1, segments.size()), path.column()));
    }
    columns.addAll(children.getOrDefault(fields.size(), List.of()));
    List<Column> resolved = new ArrayList<>();
    for (Column column : columns) {
      if (column instanceof ParentColumn placeholder) {
        FieldDef lookup = record.type().relationship(placeholder.relationshipName()).orElseThrow();
        Object parentId = record.get(lookup.name());
        Optional<Record> parent =
            parentId == null ? Optional.empty() : store.findLive((String) parentId);
        resolved.add(
            new ParentColumn(
                relationshipNames.get(placeholder.relationshipName()),
                parent
                    .map(
                        p -> shape(p, byRelationship.get(placeholder.relationshipName()), Map.of()))
                    .orElse(null)));
      } else {
        resolved.add(column);
      }
    }
    boolean idSelected =
        resolved.stream()
            .anyMatch(c -> c instanceof FieldColumn fc && fc.field().name().equals("Id"));
    return new ResultRecord(record.type().name(), idSelected ? record.id() : null, resolved);
  }
}
