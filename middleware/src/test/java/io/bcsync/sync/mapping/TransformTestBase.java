package io.bcsync.sync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the transform tests: each maps a test object, {@code Probe__c}, from a customer through
 * the public path: a store file, the loader's validation, and the mapper.
 */
abstract class TransformTestBase {
  /** An org with one custom object holding a field of each kind the transforms target. */
  static final SalesforceSchema ORG =
      SalesforceSchema.combined(
          List.of(
              Fixtures.packageSchema(),
              name ->
                  name.equals("Probe__c")
                      ? Optional.of(
                          new ObjectSchema(
                              name,
                              List.of(
                                  new FieldSchema("Text__c", FieldType.TEXT, 10, false, null),
                                  new FieldSchema(
                                      "Long_Text__c", FieldType.TEXT_AREA, 255, false, null),
                                  new FieldSchema("Amount__c", FieldType.CURRENCY, null, false, 2),
                                  new FieldSchema("Count__c", FieldType.NUMBER, null, false, null),
                                  new FieldSchema("Day__c", FieldType.DATE, null, false, null),
                                  new FieldSchema(
                                      "Moment__c", FieldType.DATETIME, null, false, null),
                                  new FieldSchema("Flag__c", FieldType.CHECKBOX, null, false, null),
                                  new FieldSchema("Needed__c", FieldType.TEXT, 80, true, null))))
                      : Optional.empty()));

  @TempDir Path dir;

  MappedRecord map(String fields, String customerJson) {
    return map(fields, "", customerJson);
  }

  MappedRecord map(String fields, String lookups, String customerJson) {
    String yaml =
        "objects:\n  Probe__c:\n    source: customer\n    fields:\n      Needed__c: { constant: x }\n"
            + fields.indent(6)
            + lookups;
    StoreSyncConfig config = new SyncConfigLoader(ORG).load(Fixtures.write(dir, "probe.yml", yaml));
    JsonNode customer;
    try {
      customer = Fixtures.JSON.readTree(customerJson);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
    return new SyncMapper(config.mapping())
        .mapCustomer("Probe__c", SourceDocuments.customer("abc123", customer));
  }
}
