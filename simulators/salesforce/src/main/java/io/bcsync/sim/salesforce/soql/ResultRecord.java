package io.bcsync.sim.salesforce.soql;

import io.bcsync.sim.salesforce.schema.FieldDef;
import java.util.List;

/**
 * A record as a query returns it: selected fields in select order, parent fields nested per
 * relationship.
 */
public record ResultRecord(String type, String id, List<Column> columns) {

  public sealed interface Column permits FieldColumn, ParentColumn, ChildColumn {}

  public record FieldColumn(FieldDef field, Object value) implements Column {}

  /**
   * parent is null when the lookup is empty; the API then sends the relationship element as nil.
   */
  public record ParentColumn(String relationshipName, ResultRecord parent) implements Column {}

  /**
   * The rows of a parent-to-child subquery; empty when the record has none, which the API sends as
   * a nil relationship element.
   */
  public record ChildColumn(String relationshipName, List<ResultRecord> records)
      implements Column {}
}
