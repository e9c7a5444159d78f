package io.bcsync.sim.salesforce;

import io.bcsync.sim.salesforce.auth.ConnectedApp;
import io.bcsync.sim.salesforce.auth.SimUser;
import io.bcsync.sim.salesforce.ids.SalesforceIds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a simulated org. Every setting has a default that suits tests; see README for the
 * standalone flags.
 */
public final class SimulatorOptions {
  public static final String DEFAULT_ORG_ID = SalesforceIds.to18("00D8c0000001gER");
  public static final SimUser DEFAULT_INTEGRATION_USER =
      new SimUser(
          SalesforceIds.to18("0058c0000001Sv6"),
          "integration@bcsync.example",
          "sim-password",
          "SIMTOKEN",
          "Integration",
          "User",
          "integration@bcsync.example");

  /** The person whose edits the control API simulates ("edits as a user"). */
  public static final SimUser DEFAULT_ADMIN_USER =
      new SimUser(
          SalesforceIds.to18("0058c0000001Sv7"),
          "admin@bcsync.example",
          "admin-password",
          "ADMINTOKEN",
          "Ada",
          "Admin",
          "admin@bcsync.example");

  public static final ConnectedApp DEFAULT_CONNECTED_APP =
      new ConnectedApp(
          "bcsync-sim-consumer-key",
          "bcsync-sim-consumer-secret",
          "http://localhost:8080/oauth/callback",
          null);

  int port;
  String host = "127.0.0.1";
  String orgId = DEFAULT_ORG_ID;
  String orgName = "bcsync Simulated Org";
  boolean sandbox;
  String apiVersion = "65.0";
  final List<Path> metadataDirs = new ArrayList<>();
  final List<SimUser> users =
      new ArrayList<>(List.of(DEFAULT_INTEGRATION_USER, DEFAULT_ADMIN_USER));
  final List<ConnectedApp> connectedApps = new ArrayList<>(List.of(DEFAULT_CONNECTED_APP));
  final List<String> extraCdcEntities = new ArrayList<>();
  final java.util.Set<String> mappedLeadFields = new java.util.LinkedHashSet<>();
  Duration sessionTimeout = Duration.ofHours(2);
  Duration eventRetention = Duration.ofHours(72);
  long dailyApiLimit = 100_000;
  long longPollTimeoutMillis = 110_000;
  Clock baseClock = Clock.systemUTC();

  public static SimulatorOptions defaults() {
    return new SimulatorOptions();
  }

  /** 0 (default) picks a free port. */
  public SimulatorOptions port(int value) {
    this.port = value;
    return this;
  }

  public SimulatorOptions host(String value) {
    this.host = value;
    return this;
  }

  public SimulatorOptions orgId(String value) {
    this.orgId = SalesforceIds.normalize(value).orElseThrow();
    return this;
  }

  public SimulatorOptions orgName(String value) {
    this.orgName = value;
    return this;
  }

  /**
   * Custom Lead fields the org's lead field mapping (Setup, "Map Custom Lead Fields") carries to
   * the same-named Contact field on conversion. None by default, like a new org and like an org
   * where our package is installed (it ships no LeadConvertSettings).
   */
  public SimulatorOptions mapLeadFieldsOnConversion(String... customFields) {
    mappedLeadFields.addAll(List.of(customFields));
    return this;
  }

  public SimulatorOptions sandbox(boolean value) {
    this.sandbox = value;
    return this;
  }

  /**
   * An SFDX source tree (e.g. sfdx-package/force-app) whose objects, fields and CDC selections the
   * org has.
   */
  public SimulatorOptions metadata(Path dir) {
    this.metadataDirs.add(dir);
    return this;
  }

  public SimulatorOptions user(SimUser user) {
    this.users.add(user);
    return this;
  }

  /** Adds an OAuth client; one with the same client id (e.g. the default app) is replaced. */
  public SimulatorOptions connectedApp(ConnectedApp app) {
    this.connectedApps.removeIf(existing -> existing.clientId().equals(app.clientId()));
    this.connectedApps.add(app);
    return this;
  }

  /**
   * Enables CDC for an entity without a PlatformEventChannelMember file (e.g. when running without
   * the package).
   */
  public SimulatorOptions enableCdc(String entity) {
    this.extraCdcEntities.add(entity);
    return this;
  }

  public SimulatorOptions sessionTimeout(Duration value) {
    this.sessionTimeout = value;
    return this;
  }

  public SimulatorOptions eventRetention(Duration value) {
    this.eventRetention = value;
    return this;
  }

  public SimulatorOptions dailyApiLimit(long value) {
    this.dailyApiLimit = value;
    return this;
  }

  /** How long the server holds an idle /meta/connect (Salesforce: 110 s). */
  public SimulatorOptions longPollTimeout(Duration value) {
    this.longPollTimeoutMillis = value.toMillis();
    return this;
  }

  /** Base of the simulated clock; advanceTime() moves it forward from there. */
  public SimulatorOptions clock(Clock value) {
    this.baseClock = value;
    return this;
  }
}
