package io.bcsync.sim.salesforce;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Starts simulators with the fixture package and connects the real force-wsc client to them. */
final class TestOrgs {
  private TestOrgs() {}

  static Path fixtureMetadata() {
    try {
      return Path.of(TestOrgs.class.getResource("/force-app").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static SimulatorOptions options() {
    return SimulatorOptions.defaults().metadata(fixtureMetadata());
  }

  static SalesforceSimulator start() {
    return SalesforceSimulator.start(options());
  }

  /**
   * A username/password login exactly as the middleware does it, with an explicit auth endpoint.
   */
  static PartnerConnection login(SalesforceSimulator sim) throws ConnectionException {
    return new PartnerConnection(config(sim));
  }

  static ConnectorConfig config(SalesforceSimulator sim) {
    ConnectorConfig config = new ConnectorConfig();
    config.setAuthEndpoint(sim.loginUrl());
    config.setUsername(sim.integrationUser().username());
    config.setPassword(sim.integrationUser().password() + sim.integrationUser().securityToken());
    config.setConnectionTimeout(5_000);
    config.setReadTimeout(20_000);
    return config;
  }

  /** A value no other test in the same org uses, e.g. for unique external ids. */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static SObject sobject(String type, Map<String, Object> fields) {
    SObject sobject = new SObject(type);
    fields.forEach(sobject::setField);
    return sobject;
  }
}
