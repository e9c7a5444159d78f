package io.bcsync.sim.salesforce;

import io.bcsync.sim.salesforce.control.ControlServlet;
import io.bcsync.sim.salesforce.oauth.OAuthServlet;
import io.bcsync.sim.salesforce.soap.SoapServlet;
import io.bcsync.sim.salesforce.streaming.StreamingEndpoint;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Jetty server in front of a simulated org: one connector, with the SOAP, OAuth, control and
 * streaming endpoints mounted at their Salesforce paths.
 */
final class SimulatorHttpServer implements AutoCloseable {
  private final Server server = new Server();
  private final AtomicReference<String> baseUrl = new AtomicReference<>();
  private OAuthServlet oauth;

  void start(
      SalesforceSimulator simulator,
      SimulatedOrg org,
      StreamingEndpoint streaming,
      SimulatorOptions options)
      throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(options.host);
    connector.setPort(options.port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    oauth = new OAuthServlet(org, options.connectedApps);
    context.addServlet(new ServletHolder(new SoapServlet(org)), "/services/Soap/u/*");
    context.addServlet(new ServletHolder(oauth), "/services/oauth2/*");
    context.addServlet(new ServletHolder(new ControlServlet(simulator)), "/__control/*");
    streaming.install(context);
    server.setHandler(context);
    server.start();
    String advertised =
        options.host.equals("0.0.0.0") ? "localhost" : options.host; // clients cannot dial 0.0.0.0
    baseUrl.set("http://" + advertised + ":" + connector.getLocalPort());
    streaming.started();
  }

  /** http://host:port as clients dial it; null until started. */
  String baseUrl() {
    return baseUrl.get();
  }

  /** The OAuth endpoint, which also keeps the tokens it issued; null until started. */
  OAuthServlet oauth() {
    return oauth;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Failed to stop the Salesforce simulator", e);
    }
  }
}
