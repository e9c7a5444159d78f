package io.bcsync.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Driver settings for mysql-connector-j (MySQL 8+/MariaDB 10.6+) that cut per-transaction work on
 * the intake path: prepared statements are parsed once per connection and reused instead of
 * re-parsed on every call, and the driver tracks session state (auto-commit, isolation, read-only)
 * locally instead of asking or re-setting it on the server, and a JDBC batch of inserts (group
 * commit of webhook intake) goes to the server as one multi-row statement. None of them changes
 * durability: every commit is still a server COMMIT with InnoDB's configured flush. They are set
 * only for a {@code jdbc:mysql:} URL (H2 rejects unknown connection properties) and never override
 * a value the operator set in {@code datasources.*.data-source-properties}.
 */
@Singleton
public class MySqlDriverDefaults implements BeanCreatedEventListener<DatasourceConfiguration> {
  static final Map<String, String> DEFAULTS =
      Map.of(
          "cachePrepStmts", "true",
          "prepStmtCacheSize", "250",
          "prepStmtCacheSqlLimit", "2048",
          "useLocalSessionState", "true",
          "cacheServerConfiguration", "true",
          "rewriteBatchedStatements", "true");

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration configuration = event.getBean();
    String url = configuration.getUrl();
    if (url != null && url.startsWith("jdbc:mysql:")) {
      DEFAULTS.forEach(
          (key, value) -> {
            if (!configuration.getDataSourceProperties().containsKey(key)
                && !url.contains(key + "=")) {
              configuration.addDataSourceProperty(key, value);
            }
          });
    }
    return configuration;
  }
}
