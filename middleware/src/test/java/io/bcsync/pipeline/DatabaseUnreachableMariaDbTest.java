package io.bcsync.pipeline;

import io.bcsync.testsupport.TcpProxy;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;

/** The outage on MariaDB/MySQL: the proxy stands between mysql-connector-j and the server. */
@MicronautTest(transactional = false)
class DatabaseUnreachableMariaDbTest extends DatabaseUnreachableTest {
  @Override
  protected Map<String, String> databaseBehindProxy() {
    String database = TestDatabases.uniqueDatabaseName();
    Map<String, String> properties = new HashMap<>(TestDatabases.freshMariaDb(database));
    String[] host = TestDatabases.MYSQL_HOST.split(":");
    try {
      proxy = TcpProxy.to(host[0], Integer.parseInt(host[1]));
    } catch (Exception e) {
      throw new IllegalStateException("could not start a proxy in front of MariaDB", e);
    }
    properties.put(
        "datasources.default.url", "jdbc:mysql://127.0.0.1:" + proxy.port() + "/" + database);
    return properties;
  }
}
