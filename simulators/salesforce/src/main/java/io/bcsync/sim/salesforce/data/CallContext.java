package io.bcsync.sim.salesforce.data;

/**
 * Who makes a change and through which channel: the user id, the changeOrigin CDC will report
 * ("com/salesforce/api/soap/65.0;client=bc-sync" for API calls, empty for simulated UI edits), and
 * the CallOptions client id recorded for every change.
 */
public record CallContext(String userId, String changeOrigin, String clientId, boolean allOrNone) {

  public static CallContext soap(
      String userId, String apiVersion, String clientId, boolean allOrNone) {
    String origin =
        "com/salesforce/api/soap/" + apiVersion + (clientId == null ? "" : ";client=" + clientId);
    return new CallContext(userId, origin, clientId, allOrNone);
  }

  /** A person editing in the Lightning UI: no API origin, no client id. */
  public static CallContext asUser(String userId) {
    return new CallContext(userId, "", null, false);
  }
}
