package io.bcsync.sim.salesforce.soql;

import io.bcsync.sim.salesforce.fault.ApiFault;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import io.bcsync.sim.salesforce.soql.SoqlQuery.FieldPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a field path against the schema: lookup hops through relationship names, then the final
 * field.
 */
final class PathResolver {
  private final Schema schema;

  PathResolver(Schema schema) {
    this.schema = schema;
  }

  /** A resolved path: lookups to follow (with the type reached after each) and the final field. */
  record Resolved(List<FieldDef> lookups, List<SObjectType> types, FieldDef field) {}

  Resolved resolve(SObjectType base, FieldPath path) {
    List<String> segments = path.segments();
    if (segments.size() > 1 && segments.get(0).equalsIgnoreCase(base.name())) {
      segments = segments.subList(1, segments.size());
    }
    List<FieldDef> lookups = new ArrayList<>();
    List<SObjectType> types = new ArrayList<>();
    SObjectType current = base;
    for (int i = 0; i < segments.size() - 1; i++) {
      String relationship = segments.get(i);
      SObjectType from = current;
      FieldDef lookup =
          from.relationship(relationship).orElseThrow(() -> noSuchColumn(path, relationship, from));
      lookups.add(lookup);
      current =
          schema
              .type(lookup.referenceTo().get(0))
              .orElseThrow(() -> noSuchColumn(path, relationship, from));
      types.add(current);
    }
    String last = segments.get(segments.size() - 1);
    SObjectType owner = current;
    FieldDef field = owner.field(last).orElseThrow(() -> noSuchColumn(path, last, owner));
    return new Resolved(lookups, types, field);
  }

  private static ApiFault noSuchColumn(FieldPath path, String name, SObjectType type) {
    return ApiFault.noSuchColumn(name, type.name());
  }
}
