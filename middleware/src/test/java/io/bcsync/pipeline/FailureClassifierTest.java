package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.sql.SQLTransientException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
  private final FailureClassifier classifier = new FailureClassifier();

  @Test
  void network_timeouts_rate_limits_and_lock_contention_are_retryable() {
    assertThat(
            classifier
                .classify(new UncheckedIOException(new SocketTimeoutException("read timed out")))
                .permanent())
        .isFalse();
    assertThat(classifier.classify(new RetryableFailureException("HTTP 429")).permanent())
        .isFalse();
    assertThat(
            classifier
                .classify(new RuntimeException(new SQLTransientException("UNABLE_TO_LOCK_ROW")))
                .permanent())
        .isFalse();
  }

  @Test
  void validation_and_mapping_errors_are_permanent() {
    assertThat(
            classifier.classify(new PermanentFailureException("no email and no phone")).permanent())
        .isTrue();
    assertThat(classifier.classify(new IllegalArgumentException("unknown status 99")).permanent())
        .isTrue();
  }

  @Test
  void unknown_errors_are_retried_and_described_without_stack_traces() {
    Outcome.Failure failure = classifier.classify(new IllegalStateException("surprise"));
    assertThat(failure.permanent()).isFalse();
    assertThat(failure.error()).isEqualTo("IllegalStateException: surprise");
  }
}
