package io.bcsync.sim.salesforce;

import io.bcsync.sim.salesforce.auth.SessionRegistry;
import io.bcsync.sim.salesforce.auth.SimUser;
import io.bcsync.sim.salesforce.auth.UserDirectory;
import io.bcsync.sim.salesforce.control.ApiUsage;
import io.bcsync.sim.salesforce.control.ChangeLog;
import io.bcsync.sim.salesforce.control.FaultInjector;
import io.bcsync.sim.salesforce.data.CallContext;
import io.bcsync.sim.salesforce.data.DmlEngine;
import io.bcsync.sim.salesforce.data.FieldValues;
import io.bcsync.sim.salesforce.data.Record;
import io.bcsync.sim.salesforce.data.RecordChange;
import io.bcsync.sim.salesforce.data.RecordInput;
import io.bcsync.sim.salesforce.data.RecordReader;
import io.bcsync.sim.salesforce.data.RecordStore;
import io.bcsync.sim.salesforce.data.SaveOutcome;
import io.bcsync.sim.salesforce.ids.IdGenerator;
import io.bcsync.sim.salesforce.ids.SalesforceIds;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import io.bcsync.sim.salesforce.schema.SfdxMetadataLoader;
import io.bcsync.sim.salesforce.schema.StandardObjects;
import io.bcsync.sim.salesforce.soql.QueryCursors;
import io.bcsync.sim.salesforce.soql.QueryExecutor;
import io.bcsync.sim.salesforce.streaming.CdcPublisher;
import io.bcsync.sim.salesforce.streaming.EventBus;
import io.bcsync.sim.salesforce.streaming.StoredEvent;
import io.bcsync.sim.salesforce.streaming.StreamingEndpoint;
import io.bcsync.sim.salesforce.time.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated Salesforce org: Partner SOAP API, OAuth token endpoint, Streaming API (CDC and
 * platform events) and a control API, on one Jetty server. Start with {@link
 * #start(SimulatorOptions)}; every control method here has an HTTP twin under /__control (see
 * README).
 */
public final class SalesforceSimulator implements AutoCloseable {
  private final SimulatorOptions options;
  private final SimulatedOrg org;
  private final EventBus bus;
  private final CdcPublisher cdc;
  private final StreamingEndpoint streaming;
  private final List<SfdxMetadataLoader.LoadReport> metadataReports = new ArrayList<>();
  private final SimulatorHttpServer http = new SimulatorHttpServer();

  private SalesforceSimulator(SimulatorOptions options) {
    this.options = options;
    SimClock clock = new SimClock(options.baseClock);
    Schema schema = new Schema();
    StandardObjects.registerAll(schema);
    SfdxMetadataLoader loader = new SfdxMetadataLoader(schema);
    options.metadataDirs.forEach(dir -> metadataReports.add(loader.load(dir)));
    options.extraCdcEntities.forEach(
        entity ->
            schema.selectForCdc(
                schema
                    .type(entity)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown entity " + entity))
                    .name(),
                "ChangeEvents",
                List.of()));
    RecordStore store = new RecordStore();
    IdGenerator ids = new IdGenerator();
    RecordReader reader = new RecordReader(store);
    UserDirectory users = new UserDirectory();
    options.users.forEach(users::add);
    OrgSettings settings =
        new OrgSettings(options.orgId, options.orgName, options.sandbox, options.apiVersion);
    this.org =
        new SimulatedOrg(
            settings,
            clock,
            schema,
            store,
            ids,
            new DmlEngine(schema, store, ids, clock, options.mappedLeadFields),
            reader,
            new QueryExecutor(schema, store, reader, clock),
            new QueryCursors(ids),
            users,
            new SessionRegistry(clock, options.orgId, options.sessionTimeout),
            new ApiUsage(options.dailyApiLimit),
            new FaultInjector(),
            new ChangeLog(),
            http::baseUrl);
    OrgBootstrap bootstrap = new OrgBootstrap(org);
    bootstrap.seed();
    bootstrap.seedPackageQueues(options.metadataDirs);
    this.bus = new EventBus(clock, options.eventRetention);
    this.cdc = new CdcPublisher(schema, store, reader, bus, clock);
    org.dml().addSink(org.changes());
    org.dml().addSink(cdc);
    this.streaming =
        new StreamingEndpoint(org.sessions(), schema, bus, options.longPollTimeoutMillis);
  }

  public static SalesforceSimulator start() {
    return start(SimulatorOptions.defaults());
  }

  public static SalesforceSimulator start(SimulatorOptions options) {
    SalesforceSimulator simulator = new SalesforceSimulator(options);
    try {
      simulator.http.start(simulator, simulator.org, simulator.streaming, simulator.options);
    } catch (Exception e) {
      simulator.close();
      throw new IllegalStateException("Salesforce simulator failed to start: " + e.getMessage(), e);
    }
    return simulator;
  }

  // ---- endpoints and identity ----

  /** Instance URL, e.g. http://127.0.0.1:8082 (what OAuth returns as instance_url). */
  public String baseUrl() {
    return http.baseUrl();
  }

  /** SOAP login endpoint for ConnectorConfig.setAuthEndpoint. */
  public String loginUrl() {
    return baseUrl() + "/services/Soap/u/" + options.apiVersion;
  }

  /** SOAP endpoint for a session obtained by OAuth (ConnectorConfig.setServiceEndpoint). */
  public String soapServiceUrl() {
    return loginUrl() + "/" + options.orgId;
  }

  public String tokenUrl() {
    return baseUrl() + "/services/oauth2/token";
  }

  public String authorizeUrl() {
    return baseUrl() + "/services/oauth2/authorize";
  }

  public String cometdUrl() {
    return baseUrl() + "/cometd/" + options.apiVersion;
  }

  public String controlUrl() {
    return baseUrl() + "/__control";
  }

  public String orgId() {
    return options.orgId;
  }

  public boolean isSandbox() {
    return options.sandbox;
  }

  public SimUser integrationUser() {
    return options.users.get(0);
  }

  public SimUser adminUser() {
    return options.users.get(1);
  }

  public List<SfdxMetadataLoader.LoadReport> metadataReports() {
    return List.copyOf(metadataReports);
  }

  public Schema schema() {
    return org.schema();
  }

  public String standardPricebookId() {
    return OrgBootstrap.standardPricebookId(org);
  }

  // ---- records ----

  /**
   * Live records of a type, values as JSON-friendly objects (dates as ISO text, numbers as
   * Double/Long).
   */
  public List<Map<String, Object>> records(String sobjectType) {
    SObjectType type = type(sobjectType);
    return org.store().live(type).stream().map(this::toMap).toList();
  }

  public Optional<Map<String, Object>> record(String id) {
    return SalesforceIds.normalize(id).flatMap(i -> org.store().findLive(i)).map(this::toMap);
  }

  public int count(String sobjectType) {
    return org.store().count(type(sobjectType));
  }

  /** Creates a record as the admin user would in the UI: CDC origin is not the integration's. */
  public SaveOutcome createAsUser(String sobjectType, Map<String, ?> fields) {
    return org.dml()
        .create(List.of(RecordInput.of(type(sobjectType).name(), fields)), asUser())
        .get(0);
  }

  /** Updates fields as the admin user; a null value clears the field. */
  public SaveOutcome updateAsUser(String id, Map<String, ?> fields) {
    String canonical =
        SalesforceIds.normalize(id).orElseThrow(() -> new IllegalArgumentException("Bad id " + id));
    SObjectType type =
        org.schema()
            .typeForId(canonical)
            .orElseThrow(() -> new IllegalArgumentException("Unknown id " + id));
    Map<String, Object> values = new LinkedHashMap<>(fields);
    values.put("Id", canonical);
    return org.dml().update(List.of(RecordInput.of(type.name(), values)), asUser()).get(0);
  }

  public SaveOutcome deleteAsUser(String id) {
    return org.dml().delete(List.of(id), asUser()).get(0);
  }

  private CallContext asUser() {
    return CallContext.asUser(adminUser().id());
  }

  /** Every committed change, with user, changeOrigin and CallOptions client id. */
  public List<RecordChange> changes() {
    return org.changes().all();
  }

  // ---- API usage and faults ----

  /** Call counts keyed "operation" and "operation Object" (e.g. "upsert Account"). */
  public Map<String, Long> apiCalls() {
    return org.usage().snapshot();
  }

  public long apiCallCount(String operation, String sobjectType) {
    return org.usage().count(operation, sobjectType);
  }

  public long apiCallCount(String operation) {
    return org.usage().count(operation);
  }

  public void resetApiCalls() {
    org.usage().reset();
  }

  public void setDailyApiLimit(long limit) {
    org.usage().setDailyLimit(limit);
  }

  /**
   * Inject faults (UNABLE_TO_LOCK_ROW, REQUEST_LIMIT_EXCEEDED, INVALID_SESSION_ID,
   * SERVER_UNAVAILABLE, HTTP_503) and latency.
   */
  public FaultInjector faults() {
    return org.faults();
  }

  // ---- sessions and tokens ----

  /** Opens a session for a user without any login call (tests that only need a token). */
  public String issueSession(String username) {
    SimUser user =
        org.users()
            .byUsername(username)
            .orElseThrow(() -> new IllegalArgumentException("Unknown user " + username));
    return org.sessions().open(user.id(), null).token();
  }

  /**
   * Expires one session / access token: SOAP then answers INVALID_SESSION_ID; connected streaming
   * clients survive.
   */
  public boolean expireSession(String token) {
    return org.sessions().expire(token);
  }

  public void expireAllSessions() {
    org.sessions().expireAll();
  }

  /**
   * Revokes an access or refresh token; streaming clients using it get 401::Authentication invalid.
   */
  public boolean revokeToken(String token) {
    boolean revoked = http.oauth().revoke(token);
    streaming.wakeClients();
    return revoked;
  }

  public void revokeAllSessions() {
    org.sessions().revokeAll();
    streaming.wakeClients();
  }

  // ---- streaming ----

  /**
   * Forgets all CometD clients; their next connect gets 403::Unknown client. Returns how many were
   * dropped.
   */
  public int dropStreamingClients() {
    return streaming.dropClients();
  }

  public int streamingClients() {
    return streaming.connectedClients();
  }

  /**
   * Uses up (true) or restores (false) the org's daily event delivery allocation: meanwhile every
   * subscribe is refused with {@code 403::Organization total events daily limit exceeded}. Stays
   * until cleared.
   */
  public void setStreamingDailyLimitExceeded(boolean exceeded) {
    streaming.setDailyLimitExceeded(exceeded);
  }

  public boolean isStreamingDailyLimitExceeded() {
    return streaming.isDailyLimitExceeded();
  }

  /** /meta/handshake requests received from streaming clients since start, denied ones included. */
  public long streamingHandshakes() {
    return streaming.handshakeCount();
  }

  /**
   * /meta/subscribe requests received from streaming clients since start, refused ones included.
   */
  public long streamingSubscribes() {
    return streaming.subscribeCount();
  }

  /** Publishes a GAP_* event (GAP_CREATE, GAP_UPDATE, GAP_DELETE, GAP_UNDELETE, GAP_OVERFLOW). */
  public boolean publishGapEvent(String entity, List<String> recordIds, String changeType) {
    return cdc.publishGap(type(entity).name(), recordIds, changeType, org.clock().instant());
  }

  public List<StoredEvent> retainedEvents() {
    return bus.retained();
  }

  // ---- time ----

  public Instant now() {
    return org.clock().instant();
  }

  /**
   * Moves simulated time forward (retention windows, session timeouts, authorization code expiry).
   */
  public void advanceTime(Duration amount) {
    org.clock().advance(amount);
  }

  SimulatedOrg org() {
    return org;
  }

  private SObjectType type(String name) {
    return org.schema()
        .type(name)
        .orElseThrow(() -> new IllegalArgumentException("Unknown sObject type " + name));
  }

  private Map<String, Object> toMap(Record record) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FieldDef field : record.type().fields()) {
      Object value = org.reader().value(record, field);
      if (value != null) {
        values.put(field.name(), FieldValues.toJson(field, value));
      }
    }
    values.put("attributes", Map.of("type", record.type().name()));
    return values;
  }

  @Override
  public void close() {
    http.close();
  }
}
