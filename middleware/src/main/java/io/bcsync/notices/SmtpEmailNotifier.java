package io.bcsync.notices;

import io.bcsync.config.SmtpConfig;
import io.bcsync.sync.port.Notice;
import io.bcsync.sync.port.Notifier;
import jakarta.inject.Singleton;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Adapter of {@link Notifier} for e-mail: one plain-text message per notice over SMTP (Jakarta
 * Mail, Eclipse Angus), to the rule's recipients, from {@code bcsync.notices.smtp.from}.
 *
 * <p>The Message-ID is made from the notice's key ({@code <order.channel.rule.store@bcsync>}), not
 * random: if bcsync crashes after the server accepted the message and before recording it sent, the
 * retry sends the same Message-ID, which mail systems that drop duplicates drop and readers see as
 * the same mail. Failures: a refused recipient or sender, a 5xx reply (RFC 5321 4.2.1: permanent
 * negative completion) or failed authentication dead-letter the notice; a 4xx reply, a refused or
 * timed-out connection are retried. The password is never logged or part of an error.
 */
@Singleton
public class SmtpEmailNotifier implements Notifier {
  private final SmtpConfig smtp;

  public SmtpEmailNotifier(SmtpConfig smtp) {
    this.smtp = smtp;
  }

  @Override
  public Notice.Channel channel() {
    return Notice.Channel.EMAIL;
  }

  @Override
  public Delivery send(Notice notice) {
    if (!smtp.configured()) {
      return Delivery.permanent("no SMTP server configured (" + SmtpConfig.PREFIX + ".host)");
    }
    MimeMessage message;
    try {
      message = message(notice);
    } catch (AddressException e) {
      return Delivery.permanent("invalid address: " + e.getMessage());
    } catch (MessagingException e) {
      return Delivery.permanent("cannot build the message: " + e.getMessage());
    }
    try {
      if (smtp.username() != null) {
        Transport.send(message, smtp.username(), smtp.password());
      } else {
        Transport.send(message);
      }
      return Delivery.SENT;
    } catch (AuthenticationFailedException e) {
      return Delivery.permanent("SMTP authentication failed for " + smtp.username());
    } catch (MessagingException e) {
      String error = "SMTP " + smtp.host() + ":" + smtp.port() + ": " + describe(e);
      return permanent(e) ? Delivery.permanent(error) : Delivery.retry(error);
    }
  }

  private MimeMessage message(Notice notice) throws MessagingException {
    Session session = Session.getInstance(properties());
    String messageId = messageId(notice);
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(smtp.from(), true));
    for (String to : notice.recipients()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    }
    message.setSubject(notice.title(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    message.setText(body(notice), StandardCharsets.UTF_8.name());
    return message;
  }

  static String messageId(Notice notice) {
    String left = (notice.key() + "." + notice.storeHash()).replaceAll("[^A-Za-z0-9_.-]", ".");
    return "<" + left + "@bcsync>";
  }

  static String body(Notice notice) {
    StringBuilder s = new StringBuilder();
    s.append("A high-value order came in (rule ").append(notice.rule()).append(").\n\n");
    s.append("Order:    #").append(notice.orderId()).append(" (store ").append(notice.storeHash());
    s.append(")\nAmount:   ").append((notice.amount() + " " + notice.currency()).trim());
    s.append("\nCustomer: ").append(notice.customer());
    s.append("\n\nLines:");
    notice.lines().forEach(l -> s.append("\n  ").append(l));
    s.append("\n\n");
    if (notice.salesforceUrl() != null) {
      s.append(notice.salesforceObject()).append(" in Salesforce: ").append(notice.salesforceUrl());
      s.append("\n");
    }
    s.append("Order in BigCommerce: ").append(notice.controlPanelUrl()).append("\n");
    return s.toString();
  }

  private Properties properties() {
    Properties p = new Properties();
    String millis = String.valueOf(smtp.timeout().toMillis());
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", String.valueOf(smtp.port()));
    p.put("mail.smtp.connectiontimeout", millis);
    p.put("mail.smtp.timeout", millis);
    p.put("mail.smtp.writetimeout", millis);
    p.put("mail.smtp.auth", String.valueOf(smtp.username() != null));
    if ("starttls".equals(smtp.tls())) {
      p.put("mail.smtp.starttls.enable", "true");
      // Without this a server that does not offer STARTTLS would get the password in clear text.
      p.put("mail.smtp.starttls.required", "true");
      p.put("mail.smtp.ssl.checkserveridentity", "true");
    } else if ("ssl".equals(smtp.tls())) {
      p.put("mail.smtp.ssl.enable", "true");
      p.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    return p;
  }

  /** A 5xx reply or refused addresses; everything else (4xx, no connection) may pass later. */
  private static boolean permanent(MessagingException e) {
    for (Exception x = e; x != null; ) {
      if (x instanceof SMTPSendFailedException sf) {
        return sf.getReturnCode() >= 500;
      }
      if (x instanceof SMTPAddressFailedException af) {
        return af.getReturnCode() >= 500;
      }
      if (x instanceof SendFailedException sf
          && sf.getInvalidAddresses() != null
          && sf.getInvalidAddresses().length > 0) {
        return true;
      }
      x = x instanceof MessagingException m ? m.getNextException() : null;
    }
    return false;
  }

  private static String describe(MessagingException e) {
    StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()).strip());
    Exception next = e.getNextException();
    if (next != null && next.getMessage() != null) {
      s.append(" (").append(next.getMessage().strip()).append(")");
    }
    return s.length() <= 300 ? s.toString() : s.substring(0, 300);
  }
}
