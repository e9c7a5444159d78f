package io.bcsync.sim.salesforce.auth;

/**
 * A user of the simulated org. The password for the SOAP login is password + securityToken, as in a
 * real org.
 */
public record SimUser(
    String id,
    String username,
    String password,
    String securityToken,
    String firstName,
    String lastName,
    String email) {

  public String fullName() {
    return (firstName == null ? "" : firstName + " ") + lastName;
  }

  /**
   * Accepts the password with the security token appended, or alone when the user has no token
   * (trusted IP).
   */
  public boolean acceptsSoapPassword(String candidate) {
    if (candidate == null) {
      return false;
    }
    String withToken = password + (securityToken == null ? "" : securityToken);
    return candidate.equals(withToken)
        || (securityToken == null || securityToken.isEmpty()) && candidate.equals(password);
  }

  @Override
  public String toString() {
    return "SimUser[" + username + ", id=" + id + "]"; // never the password or token
  }
}
