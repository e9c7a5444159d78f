package io.bcsync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The embedded default's URL (application.yml) keeps every commit in the file before it returns,
 * and gives back at close the space H2 cannot give back while it runs: with {@code WRITE_DELAY=0}
 * H2 writes a chunk per commit and runs no background housekeeping, so a burst of commits leaves
 * the file many times larger than its data (docs/operations.md, "Embedded H2's file").
 */
class EmbeddedH2FileTest {
  private static final String DEFAULT_PATH = "./data/bcsync";

  @TempDir Path dir;

  @Test
  void the_default_url_writes_each_commit_and_compacts_the_file_when_closed() throws Exception {
    String url = defaultUrl();
    assertThat(url).startsWith("jdbc:h2:file:" + DEFAULT_PATH + ";").contains(";WRITE_DELAY=0");
    String here = url.replace(DEFAULT_PATH, dir.resolve("bcsync").toString());
    Path file = dir.resolve("bcsync.mv.db");

    long grown;
    try (Connection connection = DriverManager.getConnection(here, "sa", "")) {
      ItemChurn.churn(connection, 6_000, id -> {});
      grown = Files.size(file);
    }
    long closed = Files.size(file);

    assertThat(grown).as("a chunk per commit, none given back while open").isGreaterThan(40L << 20);
    assertThat(closed).as("compacted when closed").isLessThan(grown / 4);
    try (Connection connection = DriverManager.getConnection(here, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT COUNT(*), SUM(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END) FROM item")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(6_000);
      assertThat(rs.getLong(2)).isEqualTo(5_997);
    }
  }

  @SuppressWarnings("unchecked")
  private static String defaultUrl() throws IOException {
    try (InputStream yaml = EmbeddedH2FileTest.class.getResourceAsStream("/application.yml")) {
      Map<String, Object> root = new Yaml().load(yaml);
      Map<String, Object> datasources = (Map<String, Object>) root.get("datasources");
      return (String) ((Map<String, Object>) datasources.get("default")).get("url");
    }
  }
}
