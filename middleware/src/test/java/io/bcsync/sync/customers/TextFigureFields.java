package io.bcsync.sync.customers;

import io.bcsync.config.CustomerFiguresConfig;
import io.bcsync.sync.accounts.CustomerFigures;
import io.bcsync.sync.mapping.FieldSchema;
import io.bcsync.sync.mapping.FieldType;
import io.bcsync.sync.mapping.ObjectSchema;
import io.bcsync.sync.mapping.SalesforceSchema;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Customer figures against an org whose every object has all the figure fields as text, so a race
 * test's writes carry every figure whatever the object.
 */
final class TextFigureFields {
  private TextFigureFields() {}

  static CustomerFigures figures(CustomerFiguresConfig config, Clock clock) {
    List<FieldSchema> fields =
        List.of(
                CustomerFigures.REVENUE,
                CustomerFigures.ORDERS,
                CustomerFigures.FIRST,
                CustomerFigures.LAST,
                CustomerFigures.AVERAGE_DAYS,
                CustomerFigures.TOP_CATEGORIES,
                CustomerFigures.SEGMENT)
            .stream()
            .map(f -> new FieldSchema(f, FieldType.TEXT, 255, false, null))
            .toList();
    SalesforceSchema schema = name -> Optional.of(new ObjectSchema(name, fields));
    return new CustomerFigures(config, schema, clock);
  }
}
