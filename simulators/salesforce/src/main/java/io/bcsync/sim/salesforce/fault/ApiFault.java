package io.bcsync.sim.salesforce.fault;

/**
 * A call-level failure: the whole API call fails with a SOAP fault whose detail element is of the
 * given fault type (the partner WSDL's fault hierarchy), exactly as force-wsc expects to parse it.
 */
public final class ApiFault extends RuntimeException {
  /** Partner WSDL fault element names. */
  public enum Type {
    UNEXPECTED_ERROR("UnexpectedErrorFault", false),
    LOGIN("LoginFault", false),
    INVALID_ID("InvalidIdFault", false),
    INVALID_QUERY_LOCATOR("InvalidQueryLocatorFault", false),
    INVALID_FIELD("InvalidFieldFault", true),
    INVALID_SOBJECT("InvalidSObjectFault", true),
    MALFORMED_QUERY("MalformedQueryFault", true);

    private final String element;
    private final boolean queryFault;

    Type(String element, boolean queryFault) {
      this.element = element;
      this.queryFault = queryFault;
    }

    public String element() {
      return element;
    }

    /** ApiQueryFault subtypes carry row and column. */
    public boolean queryFault() {
      return queryFault;
    }
  }

  public static final String ILLEGAL_SESSION =
      "Invalid Session ID found in SessionHeader: Illegal Session";

  private final String code;
  private final Type type;

  private ApiFault(Type type, String code, String message) {
    super(message);
    this.type = type;
    this.code = code;
  }

  public static ApiFault of(Type type, String code, String message) {
    return new ApiFault(type, code, message);
  }

  public static ApiFault unexpected(String code, String message) {
    return new ApiFault(Type.UNEXPECTED_ERROR, code, message);
  }

  /** The exact fault text force-wsc's SessionRenewer looks for ("Illegal Session"). */
  public static ApiFault invalidSession() {
    return unexpected("INVALID_SESSION_ID", ILLEGAL_SESSION);
  }

  public static ApiFault invalidField(String message) {
    return new ApiFault(Type.INVALID_FIELD, "INVALID_FIELD", message);
  }

  public static ApiFault noSuchColumn(String field, String entity) {
    return invalidField(
        "No such column '"
            + field
            + "' on entity '"
            + entity
            + "'. If you are attempting to use a "
            + "custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or "
            + "the describe call for the appropriate names.");
  }

  public static ApiFault unknownType(String name) {
    return new ApiFault(
        Type.INVALID_SOBJECT,
        "INVALID_TYPE",
        "sObject type '"
            + name
            + "' is not supported. If you are "
            + "attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference "
            + "your WSDL or the describe call for the appropriate names.");
  }

  public static ApiFault malformedQuery(String message) {
    return new ApiFault(Type.MALFORMED_QUERY, "MALFORMED_QUERY", message);
  }

  public String code() {
    return code;
  }

  public Type type() {
    return type;
  }

  /** Text of the SOAP faultstring: "CODE: message". */
  public String faultString() {
    return code + ": " + getMessage();
  }
}
