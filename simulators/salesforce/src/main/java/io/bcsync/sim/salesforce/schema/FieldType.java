package io.bcsync.sim.salesforce.schema;

/** Field types as describeSObject reports them, with the SOAP type used on the wire. */
public enum FieldType {
  ID("id", "tns:ID", ValueKind.TEXT),
  STRING("string", "xsd:string", ValueKind.TEXT),
  TEXTAREA("textarea", "xsd:string", ValueKind.TEXT),
  EMAIL("email", "xsd:string", ValueKind.TEXT),
  PHONE("phone", "xsd:string", ValueKind.TEXT),
  URL("url", "xsd:string", ValueKind.TEXT),
  PICKLIST("picklist", "xsd:string", ValueKind.TEXT),
  MULTIPICKLIST("multipicklist", "xsd:string", ValueKind.TEXT),
  REFERENCE("reference", "tns:ID", ValueKind.TEXT),
  BOOLEAN("boolean", "xsd:boolean", ValueKind.BOOLEAN),
  INT("int", "xsd:int", ValueKind.NUMBER),
  DOUBLE("double", "xsd:double", ValueKind.NUMBER),
  CURRENCY("currency", "xsd:double", ValueKind.NUMBER),
  PERCENT("percent", "xsd:double", ValueKind.NUMBER),
  DATE("date", "xsd:date", ValueKind.DATE),
  DATETIME("datetime", "xsd:dateTime", ValueKind.DATETIME);

  /** How values of the type are held in memory, compared and written back. */
  public enum ValueKind {
    TEXT,
    NUMBER,
    BOOLEAN,
    DATE,
    DATETIME
  }

  private final String describeName;
  private final String soapType;
  private final ValueKind kind;

  FieldType(String describeName, String soapType, ValueKind kind) {
    this.describeName = describeName;
    this.soapType = soapType;
    this.kind = kind;
  }

  public String describeName() {
    return describeName;
  }

  public String soapType() {
    return soapType;
  }

  public ValueKind kind() {
    return kind;
  }

  public boolean hasLength() {
    return kind == ValueKind.TEXT && this != ID && this != REFERENCE;
  }
}
