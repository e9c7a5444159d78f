import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The demo's stand-in for a Slack incoming webhook (scripts/run): accepts POSTs on
 * http://127.0.0.1:PORT/services/demo, answers 200 "ok" as Slack does, and prints each message (the
 * Block Kit JSON bcsync sent) to standard output, which scripts/run sends to
 * data/logs/notice-catcher.log. Run as a single-file program: java scripts/lib/NoticeCatcher.java PORT
 */
public final class NoticeCatcher {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/services/demo",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          System.out.println(Instant.now() + " Slack message: " + body);
          System.out.flush();
          byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              "POST".equals(exchange.getRequestMethod()) ? 200 : 405, ok.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(ok);
          }
        });
    server.start();
    System.out.println("Notice catcher listening on http://127.0.0.1:" + port + "/services/demo");
  }
}
