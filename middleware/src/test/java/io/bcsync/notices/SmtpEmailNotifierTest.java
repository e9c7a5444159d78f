package io.bcsync.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.SmtpConfig;
import io.bcsync.sync.port.Notice;
import io.bcsync.sync.port.Notifier.Delivery;
import io.bcsync.testsupport.FreePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the SMTP adapter classifies a server's refusals (RFC 5321 4.2.1: 5yz is a permanent negative
 * completion, 4yz a transient one), against a scripted SMTP server on a local socket: a refused
 * recipient (550) and failed authentication (535) are permanent, so the notice is dead-lettered
 * with the reason; a 451 and a refused connection are retried. The password never appears.
 */
class SmtpEmailNotifierTest {
  private static final String PASSWORD = "hunter2-smtp-password";
  private ScriptedSmtp server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_refused_recipient_is_permanent_with_the_servers_reply() {
    server = ScriptedSmtp.start("550 5.1.1 <sales@example.com>: no such user", false);

    Delivery delivery = notifier(server.port(), null, null).send(notice());

    assertThat(delivery.sent()).isFalse();
    assertThat(delivery.permanent()).isTrue();
    assertThat(delivery.error()).contains("SMTP 127.0.0.1:" + server.port()).contains("550");
  }

  @Test
  void a_transient_refusal_is_retried() {
    server = ScriptedSmtp.start("451 4.3.0 mailbox busy, try later", false);

    Delivery delivery = notifier(server.port(), null, null).send(notice());

    assertThat(delivery.sent()).isFalse();
    assertThat(delivery.permanent()).isFalse();
    assertThat(delivery.error()).contains("SMTP 127.0.0.1:" + server.port());
  }

  @Test
  void failed_authentication_is_permanent_and_never_shows_the_password() {
    server = ScriptedSmtp.start("250 2.1.5 ok", true);

    Delivery delivery = notifier(server.port(), "bcsync", PASSWORD).send(notice());

    assertThat(delivery.permanent()).isTrue();
    assertThat(delivery.error())
        .isEqualTo("SMTP authentication failed for bcsync")
        .doesNotContain(PASSWORD);
  }

  @Test
  void a_refused_connection_is_retried() {
    Delivery delivery = notifier(FreePort.find(), null, null).send(notice());

    assertThat(delivery.sent()).isFalse();
    assertThat(delivery.permanent()).isFalse();
  }

  private static SmtpEmailNotifier notifier(int port, String username, String password) {
    return new SmtpEmailNotifier(
        new SmtpConfig(
            "127.0.0.1",
            port,
            "none",
            username,
            password,
            "bcsync@example.com",
            Duration.ofSeconds(5)));
  }

  private static Notice notice() {
    return new Notice(
        "s1",
        "7:email:big_orders",
        Notice.Channel.EMAIL,
        List.of("sales@example.com"),
        "big_orders",
        7,
        "600.00",
        "USD",
        "Bea Spender <bea@example.com>",
        List.of("LAMP-1 x 15 @ 40.00 Lamp"),
        "Opportunity",
        "https://acme.my.salesforce.com/006000000000001",
        "https://store-s1.mybigcommerce.com/manage/orders/7");
  }

  /**
   * A minimal SMTP server (one session at a time) that accepts everything except the recipient,
   * answered with {@code rcptReply}, and, when it offers AUTH, refuses every login with 535.
   */
  private static final class ScriptedSmtp implements AutoCloseable {
    private final ServerSocket socket;

    private ScriptedSmtp(ServerSocket socket) {
      this.socket = socket;
    }

    static ScriptedSmtp start(String rcptReply, boolean offerAuth) {
      try {
        ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        ScriptedSmtp server = new ScriptedSmtp(socket);
        Thread thread =
            new Thread(
                () -> {
                  while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                      session(client, rcptReply, offerAuth);
                    } catch (IOException e) {
                      // closed by the test, or the client hung up: the next session, or the end
                    }
                  }
                },
                "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void session(Socket client, String rcptReply, boolean offerAuth)
        throws IOException {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      reply(out, "220 scripted ESMTP");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
        switch (command) {
          case "EHLO" ->
              reply(out, offerAuth ? "250-scripted\r\n250 AUTH PLAIN LOGIN" : "250 scripted");
          case "AUTH" -> reply(out, "535 5.7.8 authentication credentials invalid");
          case "RCPT" -> reply(out, rcptReply);
          case "DATA" -> {
            reply(out, "354 go ahead");
            for (String body = in.readLine(); body != null && !body.equals("."); ) {
              body = in.readLine();
            }
            reply(out, "250 2.0.0 queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 ok");
        }
      }
    }

    private static void reply(OutputStream out, String text) throws IOException {
      out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
