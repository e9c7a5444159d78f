package io.bcsync.sync.port;

/**
 * Port: sends a notice through one channel. Adapters: {@code
 * io.bcsync.notices.SlackWebhookNotifier} (Slack incoming webhook) and {@code
 * io.bcsync.notices.SmtpEmailNotifier} (SMTP); flow tests use an in-memory fake.
 *
 * <p>Sending is not idempotent on either channel: the caller records a notice as sent right after
 * {@link Delivery#sent()}, and a crash in between sends it again on the retry (the one window
 * docs/order-rules.md describes). Answers never contain secrets (a webhook URL, a password).
 */
public interface Notifier {

  Notice.Channel channel();

  /** Sends one notice; never throws for a failure of the channel, answers it. */
  Delivery send(Notice notice);

  /** How one send ended. */
  record Delivery(boolean sent, boolean permanent, String error) {
    public static final Delivery SENT = new Delivery(true, false, null);

    /** The channel may accept it later (a 5xx, a 429, a connection refused, a timeout). */
    public static Delivery retry(String error) {
      return new Delivery(false, false, error);
    }

    /** No retry can help (a 404 or revoked webhook, a refused recipient): dead-lettered. */
    public static Delivery permanent(String error) {
      return new Delivery(false, true, error);
    }
  }
}
