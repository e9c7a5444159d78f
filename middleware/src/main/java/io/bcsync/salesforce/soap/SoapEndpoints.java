package io.bcsync.salesforce.soap;

/**
 * Partner SOAP endpoint URLs. The API version is the one force-partner-api 65.0.0 was generated
 * for.
 */
public final class SoapEndpoints {
  public static final String API_VERSION = "65.0";

  private SoapEndpoints() {}

  /**
   * {@code <base>/services/Soap/u/65.0}; force-wsc refuses endpoints without {@code
   * /services/Soap/u/}.
   */
  public static String soapUrl(String baseUrl) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + "/services/Soap/u/" + API_VERSION;
  }

  public static String cometdUrl(String instanceUrl) {
    String base =
        instanceUrl.endsWith("/")
            ? instanceUrl.substring(0, instanceUrl.length() - 1)
            : instanceUrl;
    return base + "/cometd/" + API_VERSION;
  }
}
