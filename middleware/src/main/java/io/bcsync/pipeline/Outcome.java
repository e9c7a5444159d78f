package io.bcsync.pipeline;

/** How processing one work item ended. */
public sealed interface Outcome {
  Outcome SUCCESS = new Success();

  static Outcome retry(String error) {
    return new Failure(error, false);
  }

  static Outcome permanent(String error) {
    return new Failure(error, true);
  }

  /** A failure with what was sent and answered, kept with the attempt (work_item_failure). */
  static Outcome failed(String error, boolean permanent, Evidence evidence) {
    return new Failure(error, permanent, evidence);
  }

  /** Nothing was done, on purpose, for this reason: the item ends SKIPPED and is counted. */
  static Outcome skipped(String reason) {
    return new Skipped(reason);
  }

  /**
   * The item could not even be attempted yet because something it needs is busy elsewhere (another
   * worker is writing the same customer): it goes back to the queue for a short while, and the
   * attempt the claim counted is given back, so waiting never uses up the item's retries.
   */
  static Outcome deferred(String reason) {
    return new Deferred(reason);
  }

  record Success() implements Outcome {}

  /**
   * @param permanent true for failures that no retry can fix (validation, mapping): dead-lettered
   *     at once
   * @param evidence the request that failed and the answer, when the failure was an external call's
   *     (else null)
   */
  record Failure(String error, boolean permanent, Evidence evidence) implements Outcome {
    public Failure(String error, boolean permanent) {
      this(error, permanent, null);
    }
  }

  /**
   * What an external system was asked and what it answered, for the operator looking at a failed
   * record. Built by the caller with secrets already removed; the queue caps both texts at {@link
   * #MAX_CHARS} when it stores them.
   *
   * @param system which system was called, e.g. "salesforce"
   */
  record Evidence(String system, String request, String response) {
    public static final int MAX_CHARS = 16_000;

    /** What stands in a request or response instead of a credential's value. */
    public static final String MASKED = "[redacted]";

    private static final java.util.regex.Pattern SECRET_FIELD =
        java.util.regex.Pattern.compile(
            "(?i).*(password|passwd|secret|token|session|api_?key|credential).*");

    /**
     * Whether a field of that name holds a credential, whose whole value (text, object or list) the
     * evidence must show as {@link #MASKED}. One rule for every system's evidence.
     */
    public static boolean namesSecret(String fieldName) {
      return SECRET_FIELD.matcher(fieldName).matches();
    }

    public Evidence {
      request = capped(request);
      response = capped(response);
    }

    /**
     * Sizes only: the request carries customer data, and an outcome may be logged or shown in a
     * test's failure message; the texts are for the console and the admin API.
     */
    @Override
    public String toString() {
      return "Evidence["
          + system
          + ", request "
          + (request == null ? "none" : request.length() + " chars")
          + ", response "
          + (response == null ? "none" : response.length() + " chars")
          + "]";
    }

    private static String capped(String text) {
      if (text == null || text.length() <= MAX_CHARS) {
        return text;
      }
      return text.substring(0, MAX_CHARS) + " …(shortened from " + text.length() + " characters)";
    }
  }

  /**
   * The item needs no work, or has no flow that could do it yet (a kind no flow handles, a store
   * connected for webhooks only). Not a failure, and not a silent success either: the item ends
   * {@link WorkItemStatus#SKIPPED} with the reason, where operators can see and count it.
   */
  record Skipped(String reason) implements Outcome {}

  /** See {@link #deferred(String)}. */
  record Deferred(String reason) implements Outcome {}
}
