package io.bcsync.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases the tests run on: a private in-memory H2 always, and MariaDB/MySQL at 127.0.0.1:3306
 * (root, empty password) when reachable. Under CI=true an unreachable MariaDB fails the build
 * instead of skipping.
 */
public final class TestDatabases {
  public static final String MYSQL_HOST =
      System.getenv().getOrDefault("BCSYNC_TEST_MYSQL_HOST", "127.0.0.1:3306");
  public static final String MYSQL_USER =
      System.getenv().getOrDefault("BCSYNC_TEST_MYSQL_USER", "root");
  public static final String MYSQL_PASSWORD =
      System.getenv().getOrDefault("BCSYNC_TEST_MYSQL_PASSWORD", "");

  /** Databases this JVM created, dropped at exit. */
  private static final Set<String> CREATED = new LinkedHashSet<>();

  private TestDatabases() {}

  public static Map<String, String> h2() {
    return Map.of(
        "datasources.default.url",
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "datasources.default.driver-class-name", "org.h2.Driver",
        "datasources.default.username", "sa",
        "datasources.default.password", "");
  }

  /**
   * An H2 file database {@code bcsync} in {@code directory}, which outlives the process that opens
   * it, with the shipped URL's settings (application.yml): written through on every commit ({@code
   * WRITE_DELAY=0}) and closed by the middleware's shutdown, not H2's own shutdown hook ({@code
   * DB_CLOSE_ON_EXIT=FALSE}); {@code settings} are appended ({@code DB_CLOSE_DELAY=-1}, ...).
   */
  public static Map<String, String> h2File(Path directory, String... settings) {
    StringBuilder url =
        new StringBuilder("jdbc:h2:file:")
            .append(directory.resolve("bcsync").toAbsolutePath())
            .append(";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
    for (String setting : settings) {
      url.append(';').append(setting);
    }
    return Map.of(
        "datasources.default.url", url.toString(),
        "datasources.default.driver-class-name", "org.h2.Driver",
        "datasources.default.username", "sa",
        "datasources.default.password", "");
  }

  /** A fresh database for one test class (see {@link #freshMariaDb(String)}). */
  public static Map<String, String> freshMariaDb() {
    return freshMariaDb(uniqueDatabaseName());
  }

  /**
   * Creates a fresh database for one test class and returns its datasource properties. It is
   * dropped when the test JVM exits: by then every test class has closed its connection pool, and
   * the MariaDB variant of a test needs nothing but this call in its {@code databaseProperties()}.
   */
  public static Map<String, String> freshMariaDb(String databaseName) {
    requireMariaDb();
    try (Connection connection = adminConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE `" + databaseName + "` CHARACTER SET utf8mb4");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + databaseName, e);
    }
    dropAtExit(databaseName);
    return Map.of(
        "datasources.default.url",
        mysqlUrl(databaseName),
        "datasources.default.driver-class-name",
        "com.mysql.cj.jdbc.Driver",
        "datasources.default.username",
        MYSQL_USER,
        "datasources.default.password",
        MYSQL_PASSWORD);
  }

  private static synchronized void dropAtExit(String databaseName) {
    if (CREATED.isEmpty()) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
    }
    CREATED.add(databaseName);
  }

  private static synchronized void dropCreated() {
    try (Connection connection = adminConnection();
        Statement statement = connection.createStatement()) {
      for (String databaseName : CREATED) {
        statement.execute("DROP DATABASE IF EXISTS `" + databaseName + "`");
      }
    } catch (SQLException e) {
      // At exit nobody can act on it any more; say which databases are left behind.
      System.err.println(
          "[bcsync] Could not drop test databases " + CREATED + ": " + e.getMessage());
    }
  }

  public static String uniqueDatabaseName() {
    return "bcsync_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public static String mysqlUrl(String databaseName) {
    return "jdbc:mysql://" + MYSQL_HOST + "/" + databaseName;
  }

  public static Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(mysqlUrl("test"), MYSQL_USER, MYSQL_PASSWORD);
  }

  /** Skips (outside CI) or fails (under CI) when no MariaDB/MySQL is reachable. */
  public static void requireMariaDb() {
    try (Connection ignored = adminConnection()) {
      return;
    } catch (SQLException e) {
      String message =
          "MariaDB/MySQL not reachable at "
              + MYSQL_HOST
              + " as "
              + MYSQL_USER
              + " ("
              + e.getMessage()
              + "); start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI requires MariaDB. " + message, e);
      }
      // Surefire does not print the reason of a class-level abort, so say it where a developer will
      // see it.
      System.err.println("[bcsync] Skipping MariaDB tests: " + message);
      Assumptions.abort("Skipping MariaDB tests: " + message);
    }
  }
}
