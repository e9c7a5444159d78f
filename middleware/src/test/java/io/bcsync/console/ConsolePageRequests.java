package io.bcsync.console;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A console page fetched over HTTP with a fresh operator session, as a signed-in browser would. */
final class ConsolePageRequests {
  private ConsolePageRequests() {}

  static HttpResponse<String> get(
      EmbeddedServer server, ConsoleSessions sessions, String pathAndQuery)
      throws IOException, InterruptedException {
    ConsoleSessions.Session session = sessions.create();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.getURL() + pathAndQuery))
                .header("Cookie", ConsoleSecurityFilter.COOKIE + "=" + session.cookieValue())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
