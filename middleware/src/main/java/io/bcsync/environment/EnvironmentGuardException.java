package io.bcsync.environment;

/** A staging service met a production system (or the wrong org): refuse, never write. */
public class EnvironmentGuardException extends RuntimeException {
  public EnvironmentGuardException(String message) {
    super(message);
  }
}
