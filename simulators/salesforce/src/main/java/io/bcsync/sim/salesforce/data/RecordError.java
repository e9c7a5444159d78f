package io.bcsync.sim.salesforce.data;

import java.util.List;

/** A per-record error, as in SaveResult.errors: status code, message and the fields involved. */
public record RecordError(String statusCode, String message, List<String> fields) {

  public static RecordError of(String statusCode, String message, String... fields) {
    return new RecordError(statusCode, message, List.of(fields));
  }

  /** Thrown inside the save pipeline to stop processing one record; never escapes DmlEngine. */
  static final class Failure extends RuntimeException {
    final RecordError error;

    Failure(RecordError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }

  Failure fail() {
    return new Failure(this);
  }
}
