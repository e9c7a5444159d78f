package io.bcsync.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every {@code *MariaDbTest} class is skipped, with the reason, when no MariaDB/MySQL is reachable
 * outside CI: each of its tests is then reported as skipped (not "0 tests run"), and no Micronaut
 * context is started for it. Under {@code CI=true} MariaDB is mandatory, so nothing is skipped and
 * {@link TestDatabases#requireMariaDb()} fails the class instead. Registered for every test through
 * JUnit's extension auto-detection (src/test/resources/META-INF/services,
 * junit-platform.properties).
 */
public final class SkipWithoutMariaDb implements ExecutionCondition {
  private static volatile String unavailable;
  private static volatile boolean checked;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    boolean mariaDbClass =
        context.getTestClass().map(c -> c.getSimpleName().endsWith("MariaDbTest")).orElse(false);
    if (!mariaDbClass || "true".equalsIgnoreCase(System.getenv("CI"))) {
      return ConditionEvaluationResult.enabled("not a MariaDB test, or CI (MariaDB mandatory)");
    }
    String reason = unavailableReason();
    return reason == null
        ? ConditionEvaluationResult.enabled("MariaDB reachable")
        : ConditionEvaluationResult.disabled(reason);
  }

  /** Why MariaDB cannot be used, or null when it can; asked once per test JVM. */
  static synchronized String unavailableReason() {
    if (!checked) {
      try (Connection ignored = TestDatabases.adminConnection()) {
        unavailable = null;
      } catch (SQLException e) {
        unavailable =
            "Skipping MariaDB tests: MariaDB/MySQL not reachable at "
                + TestDatabases.MYSQL_HOST
                + " ("
                + e.getMessage()
                + "); start it with: start-stop-daemon --start --oknodo --background --exec"
                + " /usr/sbin/mariadbd";
        System.err.println("[bcsync] " + unavailable);
      }
      checked = true;
    }
    return unavailable;
  }
}
