package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Locale;

/**
 * The SMTP server e-mail notices go through (docs/order-rules.md, "Notices"), bound from {@code
 * bcsync.notices.smtp.*}. Unset {@code host}: no e-mail; a rule with {@code notify_email} then
 * stops the service at startup.
 *
 * @param tls {@code starttls} (default: upgrade required, port 587), {@code ssl} (implicit TLS,
 *     port 465) or {@code none} (plain, only for a local relay or a test server)
 * @param username with {@code password} (a secret, masked), the SMTP AUTH login; both or neither
 * @param from the sender address of every notice
 * @param timeout connect, read and write timeout of one SMTP session
 */
@ConfigurationProperties(SmtpConfig.PREFIX)
public record SmtpConfig(
    @Nullable String host,
    @Bindable(defaultValue = "587") int port,
    @Bindable(defaultValue = "starttls") String tls,
    @Nullable String username,
    @Nullable String password,
    @Nullable String from,
    @Bindable(defaultValue = "20s") Duration timeout) {

  public static final String PREFIX = "bcsync.notices.smtp";

  public SmtpConfig {
    host = host == null || host.isBlank() ? null : host.trim();
    tls = tls == null ? "starttls" : tls.trim().toLowerCase(Locale.ROOT);
    if (!tls.equals("starttls") && !tls.equals("ssl") && !tls.equals("none")) {
      throw new InvalidConfigurationException(PREFIX + ".tls", "must be starttls, ssl or none");
    }
    if (port < 1 || port > 65_535) {
      throw new InvalidConfigurationException(PREFIX + ".port", "must be a TCP port");
    }
    boolean user = username != null && !username.isBlank();
    boolean secret = password != null && !password.isEmpty();
    if (user != secret) {
      throw new InvalidConfigurationException(
          PREFIX + ".username", "and " + PREFIX + ".password go together (both or neither)");
    }
    if (host != null && (from == null || !from.contains("@"))) {
      throw new InvalidConfigurationException(
          PREFIX + ".from", "is required with a host: the notices' sender address");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new InvalidConfigurationException(PREFIX + ".timeout", "must be positive");
    }
  }

  public boolean configured() {
    return host != null;
  }

  @Override
  public String toString() {
    return "SmtpConfig[host="
        + host
        + ", port="
        + port
        + ", tls="
        + tls
        + ", username="
        + username
        + ", password="
        + Secrets.mask(password)
        + ", from="
        + from
        + ", timeout="
        + timeout
        + "]";
  }
}
