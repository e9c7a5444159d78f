package io.bcsync.salesforce.lookup;

import com.sforce.soap.partner.DescribeGlobalSObjectResult;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.ws.ConnectionException;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.sync.mapping.FieldSchema;
import io.bcsync.sync.mapping.FieldType;
import io.bcsync.sync.mapping.ObjectSchema;
import io.bcsync.sync.mapping.SalesforceSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's own schema from describe calls, so a mapping is validated against what the org really
 * has (fields added by admins, the package version actually installed, field-level security of the
 * integration user).
 *
 * <p>{@link #prefetch} describes many objects at once (up to 100 per describeSObjects call); {@link
 * #object} answers from that cache and describes a missing object on its own otherwise. Only fields
 * the integration user can write (createable or updateable) are listed: a mapping onto a formula,
 * roll-up or system field would fail on the first write, so it is better refused at startup as a
 * field the org does not offer.
 *
 * <p>Required means what a create needs: createable, not nillable and not defaulted on create (Name
 * on Account, LastName on Contact, master-detail lookups).
 */
public class DescribeSchema implements SalesforceSchema {
  static final int MAX_TYPES_PER_CALL = 100;

  private final SalesforceConnector connector;
  private final Map<String, Optional<ObjectSchema>> described = new ConcurrentHashMap<>();

  public DescribeSchema(SalesforceConnector connector) {
    this.connector = connector;
  }

  /**
   * Describes the named objects with one describeGlobal and one describeSObjects call per 100
   * names.
   */
  public DescribeSchema prefetch(Collection<String> objectNames) throws ConnectionException {
    SalesforceSession session = connector.session();
    DescribeGlobalSObjectResult[] global = session.call(c -> c.describeGlobal()).getSobjects();
    Map<String, String> orgNames = new java.util.HashMap<>();
    Arrays.stream(global).forEach(o -> orgNames.put(key(o.getName()), o.getName()));
    List<String> existing = new ArrayList<>();
    for (String name : objectNames) {
      String orgName = orgNames.get(key(name));
      if (orgName == null) {
        described.put(key(name), Optional.empty());
      } else if (!existing.contains(orgName)) {
        existing.add(orgName);
      }
    }
    for (int from = 0; from < existing.size(); from += MAX_TYPES_PER_CALL) {
      String[] chunk =
          existing
              .subList(from, Math.min(existing.size(), from + MAX_TYPES_PER_CALL))
              .toArray(String[]::new);
      for (DescribeSObjectResult result : session.call(c -> c.describeSObjects(chunk))) {
        described.put(key(result.getName()), Optional.of(toSchema(result)));
      }
    }
    return this;
  }

  @Override
  public Optional<ObjectSchema> object(String name) {
    return described.computeIfAbsent(key(name), k -> describeOne(name));
  }

  private Optional<ObjectSchema> describeOne(String name) {
    try {
      DescribeSObjectResult[] results =
          connector.session().call(c -> c.describeSObjects(new String[] {name}));
      return results.length == 0 ? Optional.empty() : Optional.of(toSchema(results[0]));
    } catch (InvalidSObjectFault unknown) {
      return Optional.empty();
    } catch (ConnectionException e) {
      // Not "no such object": an unreachable org must not make a valid mapping look wrong.
      throw new IllegalStateException(
          "Could not describe Salesforce object " + name + ": " + e.getClass().getSimpleName(), e);
    }
  }

  static ObjectSchema toSchema(DescribeSObjectResult result) {
    List<FieldSchema> fields = new ArrayList<>();
    for (Field field : result.getFields()) {
      if (!field.isCreateable() && !field.isUpdateable()) {
        continue;
      }
      FieldType type = type(field);
      Integer length = type.isTextual() && field.getLength() > 0 ? field.getLength() : null;
      Integer scale = type.isNumeric() ? field.getScale() : null;
      boolean required =
          field.isCreateable() && !field.isNillable() && !field.isDefaultedOnCreate();
      fields.add(new FieldSchema(field.getName(), type, length, required, scale));
    }
    return new ObjectSchema(result.getName(), fields);
  }

  /** Describe's type names (FieldType enum of the partner WSDL) to the mapper's groups. */
  static FieldType type(Field field) {
    // Java keywords carry an underscore in the generated enum (_boolean, _int, _double, _long).
    String name =
        field.getType() == null
            ? ""
            : field.getType().name().replaceFirst("^_", "").toLowerCase(Locale.ROOT);
    return switch (name) {
      case "string", "combobox", "encryptedstring" -> FieldType.TEXT;
      case "textarea" -> FieldType.TEXT_AREA;
      case "email" -> FieldType.EMAIL;
      case "phone" -> FieldType.PHONE;
      case "url" -> FieldType.URL;
      case "picklist", "multipicklist" -> FieldType.PICKLIST;
      case "double", "int", "long" -> FieldType.NUMBER;
      case "currency" -> FieldType.CURRENCY;
      case "percent" -> FieldType.PERCENT;
      case "date" -> FieldType.DATE;
      case "datetime" -> FieldType.DATETIME;
      case "boolean" -> FieldType.CHECKBOX;
      case "reference" -> FieldType.REFERENCE;
      default -> FieldType.OTHER;
    };
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
