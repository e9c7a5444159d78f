package io.bcsync.sync.mapping;

import java.util.List;
import java.util.Optional;

/**
 * The objects and fields of the org a mapping is validated against. Implementations: {@link
 * PackageMetadataSchema} (the SFDX package source), {@link StandardFieldsSchema} (a built-in table
 * of the standard fields the defaults use); a describe-based one comes with the Salesforce
 * connector.
 */
public interface SalesforceSchema {

  Optional<ObjectSchema> object(String name);

  /** The union of several schemas; for a field defined twice the first schema's definition wins. */
  static SalesforceSchema combined(List<SalesforceSchema> schemas) {
    return name ->
        schemas.stream()
            .map(schema -> schema.object(name))
            .flatMap(Optional::stream)
            .reduce(ObjectSchema::plus);
  }
}
