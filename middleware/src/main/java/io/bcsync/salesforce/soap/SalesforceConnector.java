package io.bcsync.salesforce.soap;

import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import io.bcsync.config.SalesforceApiConfig;
import io.bcsync.config.SalesforceConfig;
import io.bcsync.salesforce.auth.SalesforceToken;
import io.bcsync.salesforce.auth.TokenProvider;
import io.bcsync.salesforce.guard.OrgGuard;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds force-wsc connections from an OAuth token and keeps one guard-checked {@link
 * SalesforceSession}.
 *
 * <p>Traps handled here (../shared/reference/salesforce.md §0): the auth endpoint is always set
 * explicitly (the jar's default is a Salesforce-internal host); timeouts are always set (0 means
 * forever); the session renewer also updates the connection's own SessionHeader, because force-wsc
 * applies a renewed header only to the one retried call; every call carries CallOptions client =
 * {@code bcsync.salesforce.client-id-header}, so our own changes are recognisable in CDC's
 * changeOrigin.
 */
public class SalesforceConnector {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceConnector.class);
  private static final QName SESSION_HEADER =
      new QName("urn:partner.soap.sforce.com", "SessionHeader");

  private final SalesforceConfig config;
  private final SalesforceApiConfig api;
  private final TokenProvider tokens;
  private final OrgGuard guard;
  private final ApiUsageGovernor governor;
  private SalesforceSession session;

  public SalesforceConnector(
      SalesforceConfig config,
      SalesforceApiConfig api,
      TokenProvider tokens,
      OrgGuard guard,
      ApiUsageGovernor governor) {
    this.config = config;
    this.api = api;
    this.tokens = tokens;
    this.guard = guard;
    this.governor = governor;
  }

  /** The current session, connecting (and running the environment guard) first if there is none. */
  public synchronized SalesforceSession session() throws ConnectionException {
    if (session == null) {
      session = connect();
    }
    return session;
  }

  /**
   * The org of the current session, without connecting: empty until something needed Salesforce (or
   * after {@link #reset}). For status pages, which must not make API calls of their own.
   */
  public synchronized java.util.Optional<OrgInfo> connectedOrg() {
    return session == null ? java.util.Optional.empty() : java.util.Optional.of(session.org());
  }

  /** Forget the session (after a new web-server grant, or when the guard must run again). */
  public synchronized void reset() {
    session = null;
  }

  public TokenProvider tokens() {
    return tokens;
  }

  /**
   * Reads which org {@code token} belongs to and runs the environment guard on it, without touching
   * the current session: a new web-server grant is checked before it replaces anything.
   *
   * @throws io.bcsync.environment.EnvironmentGuardException when the guard refuses the org
   */
  public OrgInfo inspect(SalesforceToken token) throws ConnectionException {
    PartnerConnection connection = new PartnerConnection(connectorConfig(token));
    connection.setCallOptions(config.clientIdHeader(), null);
    OrgInfo org = readOrg(connection);
    guard.check(org);
    return org;
  }

  private ConnectorConfig connectorConfig(SalesforceToken token) {
    ConnectorConfig connectorConfig = new ConnectorConfig();
    connectorConfig.setAuthEndpoint(SoapEndpoints.soapUrl(token.instanceUrl()));
    connectorConfig.setServiceEndpoint(SoapEndpoints.soapUrl(token.instanceUrl()));
    connectorConfig.setSessionId(token.accessToken());
    connectorConfig.setConnectionTimeout((int) api.connectTimeout().toMillis());
    connectorConfig.setReadTimeout((int) api.readTimeout().toMillis());
    // A streamed (chunked) body is never sent again by HttpURLConnection. A buffered one is, once,
    // when the connection fails before the answer (sun.net.http.retryPost defaults to true): a
    // write Salesforce committed would run twice, and its lost answer would be hidden from us.
    // Every retry is the pipeline's, planned for that (docs/sync-mapping.md, "Lost responses").
    connectorConfig.setUseChunkedPost(true);
    return connectorConfig;
  }

  private SalesforceSession connect() throws ConnectionException {
    SalesforceToken token = tokens.current();
    ConnectorConfig connectorConfig = connectorConfig(token);
    AtomicReference<PartnerConnection> holder = new AtomicReference<>();
    connectorConfig.setSessionRenewer(renewer(holder));
    PartnerConnection connection = new PartnerConnection(connectorConfig);
    holder.set(connection);
    connection.setCallOptions(config.clientIdHeader(), null);
    OrgInfo org = readOrg(connection);
    guard.check(org);
    LOG.info(
        "Connected to Salesforce org {} ({}, {}) as {} via the {} grant",
        org.orgId(),
        org.name(),
        org.sandbox() ? "sandbox" : "production",
        org.username(),
        tokens.grantName());
    return new SalesforceSession(connection, org, governor);
  }

  private SessionRenewer renewer(AtomicReference<PartnerConnection> holder) {
    return cfg -> {
      SalesforceToken fresh = tokens.renew(cfg.getSessionId());
      cfg.setSessionId(fresh.accessToken());
      holder.get().setSessionHeader(fresh.accessToken());
      SessionHeader_element element = new SessionHeader_element();
      element.setSessionId(fresh.accessToken());
      SessionRenewer.SessionRenewalHeader header = new SessionRenewer.SessionRenewalHeader();
      header.name = SESSION_HEADER;
      header.headerElement = element;
      return header;
    };
  }

  static OrgInfo readOrg(PartnerConnection connection) throws ConnectionException {
    QueryResult result = connection.query("SELECT Id, Name, IsSandbox FROM Organization");
    if (result.getRecords() == null || result.getRecords().length != 1) {
      throw new ConnectionException("Organization query returned no row; cannot verify the org");
    }
    SObject row = result.getRecords()[0];
    GetUserInfoResult user = connection.getUserInfo();
    return new OrgInfo(
        row.getId(),
        String.valueOf(row.getField("Name")),
        Boolean.parseBoolean(String.valueOf(row.getField("IsSandbox"))),
        user.getUserId(),
        user.getUserName());
  }
}
