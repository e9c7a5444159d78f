package io.bcsync.sync.port;

import io.bcsync.pipeline.Outcome;
import java.util.List;
import java.util.Map;

/**
 * The Salesforce request and answer of a record that failed, kept with the failed attempt for the
 * console's failed records (docs/console.md). The request is the record as this service sent it in
 * its call (object, operation, external id field, fields; a null value is sent as fieldsToNull);
 * the answer is Salesforce's result for that record, its errors already redacted of echoed values
 * (SalesforceMessages). Other records of the same batched call belong to other work items and are
 * left out. Field values are customer data the operator may see (as in the BigCommerce payload),
 * but a field whose name says it holds a credential is masked, and every value is capped.
 */
public final class SalesforceCallEvidence {
  static final String SYSTEM = "salesforce";
  static final int MAX_VALUE_CHARS = 1_000;
  static final String MASKED = Outcome.Evidence.MASKED;

  private SalesforceCallEvidence() {}

  public static Outcome.Evidence of(RecordResult result) {
    return new Outcome.Evidence(SYSTEM, request(result.write()), response(result));
  }

  static String request(RecordWrite write) {
    StringBuilder json = new StringBuilder("{\n  \"call\": ");
    string(json, write.operation().name().toLowerCase());
    json.append(",\n  \"sObjectType\": ");
    string(json, write.sobjectType());
    if (write.externalIdField() != null) {
      json.append(",\n  \"externalIdFieldName\": ");
      string(json, write.externalIdField());
    }
    json.append(",\n  \"record\": {");
    boolean first = true;
    for (Map.Entry<String, Object> field : write.fields().entrySet()) {
      json.append(first ? "\n    " : ",\n    ");
      first = false;
      string(json, field.getKey());
      json.append(": ");
      value(json, field.getKey(), field.getValue());
    }
    json.append(first ? "}\n}" : "\n  }\n}");
    return json.toString();
  }

  static String response(RecordResult result) {
    StringBuilder json = new StringBuilder("{\n  \"success\": ");
    json.append(result.success());
    if (result.id() != null) {
      json.append(",\n  \"id\": ");
      string(json, result.id());
    }
    json.append(",\n  \"errors\": [");
    boolean first = true;
    for (RecordError error : result.errors()) {
      json.append(first ? "\n    " : ",\n    ");
      first = false;
      json.append("{\"statusCode\": ");
      string(json, error.statusCode());
      json.append(", \"message\": ");
      string(json, error.message());
      json.append(", \"fields\": [");
      List<String> fields = error.fields();
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          json.append(", ");
        }
        string(json, fields.get(i));
      }
      json.append("]}");
    }
    json.append(first ? "]\n}" : "\n  ]\n}");
    return json.toString();
  }

  private static void value(StringBuilder json, String field, Object value) {
    if (value == null) {
      json.append("null");
    } else if (Outcome.Evidence.namesSecret(field)) {
      string(json, MASKED);
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else {
      String text = String.valueOf(value);
      string(
          json,
          text.length() <= MAX_VALUE_CHARS
              ? text
              : text.substring(0, MAX_VALUE_CHARS) + "…(shortened)");
    }
  }

  private static void string(StringBuilder json, String text) {
    if (text == null) {
      json.append("null");
      return;
    }
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
