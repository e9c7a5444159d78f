package io.bcsync.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.jdbc.DataSourceResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sparse-chunk rewriting that keeps the embedded H2 file from growing with every commit while
 * the instance runs. H2 rewrites only chunks older than its retention time (45 s by default); the
 * churned files here set {@code RETENTION_TIME=0} so that a test of a few seconds sees what a
 * running instance sees after 45 s. Everything else is the shipped URL's.
 */
class EmbeddedH2HousekeepingTest {
  private static final String SHIPPED =
      ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;MAX_COMPACT_TIME=5000";

  @TempDir Path dir;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void rewriting_sparse_chunks_stops_the_file_growing_with_every_commit() throws Exception {
    long without = churnedFileSize("without", false);
    long with = churnedFileSize("with", true);

    assertThat(without).as("a chunk per commit, none freed").isGreaterThan(24L << 20);
    assertThat(with).as("space of rewritten chunks reused").isLessThan(without / 3);
    // As GET /prometheus names them (README.md, "Operating it").
    String scrape = registry.scrape();
    assertThat(gauge(scrape, "bcsync_h2_file_size_bytes"))
        .as("the file's size at the last round")
        .isBetween(with / 2.0, with * 1.5);
    assertThat(gauge(scrape, "bcsync_h2_chunks_live_ratio")).isBetween(0.3, 1.0);
  }

  @Test
  void does_nothing_where_h2_keeps_house_itself_or_there_is_no_file() throws Exception {
    assertThat(tickOn("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=-1")).isEqualTo(-1);
    assertThat(tickOn("jdbc:h2:file:" + dir.resolve("delayed") + ";WRITE_DELAY=500")).isEqualTo(-1);
    assertThat(registry.find("bcsync.h2.file.size").gauge())
        .as("no file size where there is no such file")
        .isNull();
    assertThat(tickOn("jdbc:h2:file:" + dir.resolve("shipped") + SHIPPED)).isZero();
    assertThat(registry.find("bcsync.h2.file.size").gauge()).isNotNull();
  }

  private static double gauge(String scrape, String name) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in the scrape:\n" + scrape));
  }

  /** Churns ({@link ItemChurn}); with housekeeping, ticks as the timer would between commits. */
  private long churnedFileSize(String name, boolean housekeeping) throws Exception {
    JdbcDataSource source =
        dataSource("jdbc:h2:file:" + dir.resolve(name) + SHIPPED + ";RETENTION_TIME=0");
    EmbeddedH2Housekeeping keeper =
        housekeeping
            ? new EmbeddedH2Housekeeping(source, DataSourceResolver.DEFAULT, registry)
            : null;
    Path file = dir.resolve(name + ".mv.db");
    // This connection keeps the database open, so the sizes are measured before close-compaction.
    try (Connection connection = source.getConnection()) {
      ItemChurn.churn(
          connection,
          12_000,
          id -> {
            if (keeper != null && id % 200 == 0) {
              keeper.tick();
            }
          });
      long size = Files.size(file);
      assertItemsIntact(connection);
      if (keeper != null) {
        keeper.stop();
      }
      return size;
    }
  }

  private static void assertItemsIntact(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT COUNT(*), MIN(id), SUM(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END),"
                    + " MIN(LENGTH(body)) FROM item")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(12_000);
      assertThat(rs.getLong(2)).isEqualTo(1);
      assertThat(rs.getLong(3)).isEqualTo(11_997);
      assertThat(rs.getLong(4)).isEqualTo(300);
    }
  }

  private int tickOn(String url) throws Exception {
    JdbcDataSource source = dataSource(url);
    try (Connection open = source.getConnection()) {
      ItemChurn.createItems(open);
      EmbeddedH2Housekeeping keeper =
          new EmbeddedH2Housekeeping(source, DataSourceResolver.DEFAULT, registry);
      try {
        return keeper.tick();
      } finally {
        keeper.stop();
      }
    }
  }

  private static JdbcDataSource dataSource(String url) {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(url);
    source.setUser("sa");
    source.setPassword("");
    return source;
  }
}
