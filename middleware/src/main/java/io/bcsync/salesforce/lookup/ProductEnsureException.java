package io.bcsync.salesforce.lookup;

import java.util.Map;

/**
 * Some products of a batch could not be made orderable. Carries what did succeed, so the caller can
 * still write the orders whose lines are all covered and fail (or retry) only the others. Messages
 * name variant keys and Salesforce's error codes, never prices or customer data.
 */
public class ProductEnsureException extends Exception {
  private final transient Map<String, String> ensured;
  private final transient Map<String, String> failures;
  private final boolean retryable;

  public ProductEnsureException(
      Map<String, String> ensured, Map<String, String> failures, boolean retryable) {
    super(failures.size() + " product(s) could not be prepared in Salesforce: " + failures);
    this.ensured = Map.copyOf(ensured);
    this.failures = Map.copyOf(failures);
    this.retryable = retryable;
  }

  /** PricebookEntry ids of the variant keys that are ready. */
  public Map<String, String> ensured() {
    return ensured;
  }

  /** Variant key -> what Salesforce said. */
  public Map<String, String> failures() {
    return failures;
  }

  /** True when every failure was retryable (locks, limits); false when data must change first. */
  public boolean retryable() {
    return retryable;
  }
}
