package io.bcsync.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A local stand-in for a Slack incoming webhook: an embedded HTTP endpoint that answers scripted
 * statuses (200 {@code ok} by default, as Slack does) and keeps the messages it accepted.
 */
public final class SlackCatcher implements AutoCloseable {
  public static final String PATH = "/services/T0000/B0000/not-a-real-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<JsonNode> accepted = new ArrayList<>();
  private final Deque<Integer> script = new ArrayDeque<>();
  private int attempts;
  private int always = 200;

  private SlackCatcher(HttpServer server) {
    this.server = server;
  }

  public static SlackCatcher start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      SlackCatcher catcher = new SlackCatcher(server);
      server.createContext(
          PATH,
          exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
              body = in.readAllBytes();
            }
            int status = catcher.next(body);
            byte[] answer =
                (status == 200 ? "ok" : status == 404 ? "no_service" : "rollup_error")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(answer);
            }
          });
      server.start();
      return catcher;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized int next(byte[] body) throws IOException {
    attempts++;
    int status = script.isEmpty() ? always : script.poll();
    if (status == 200) {
      accepted.add(JSON.readTree(body));
    }
    return status;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** The next {@code times} posts get {@code status}. */
  public synchronized void answer(int status, int times) {
    for (int i = 0; i < times; i++) {
      script.add(status);
    }
  }

  /** Every post without a scripted answer gets {@code status} from now on. */
  public synchronized void answerAlways(int status) {
    always = status;
  }

  public synchronized int attempts() {
    return attempts;
  }

  /** The accepted messages whose fallback text mentions {@code text}. */
  public synchronized List<JsonNode> messagesAbout(String text) {
    return accepted.stream().filter(m -> m.path("text").asText().contains(text)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
