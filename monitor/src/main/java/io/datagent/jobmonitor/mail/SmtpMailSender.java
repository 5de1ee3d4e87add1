package io.datagent.jobmonitor.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** {@link MailSender} over SMTP with Jakarta Mail (Eclipse Angus): multipart/alternative, text and HTML, UTF-8. */
public final class SmtpMailSender implements MailSender {

  private final SmtpSettings settings;
  private final Session session;

  public SmtpMailSender(SmtpSettings settings) {
    if (!settings.configured()) {
      throw new IllegalArgumentException("SMTP host is not configured (email.smtp.host / DATAGENT_SMTP_HOST)");
    }
    this.settings = settings;
    Properties p = new Properties();
    String proto = settings.ssl() ? "smtps" : "smtp";
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", settings.host());
    p.put("mail." + proto + ".port", String.valueOf(settings.port()));
    p.put("mail." + proto + ".connectiontimeout", String.valueOf(settings.timeoutMillis()));
    p.put("mail." + proto + ".timeout", String.valueOf(settings.timeoutMillis()));
    p.put("mail." + proto + ".writetimeout", String.valueOf(settings.timeoutMillis()));
    boolean auth = settings.username() != null && !settings.username().isBlank();
    p.put("mail." + proto + ".auth", String.valueOf(auth));
    if (settings.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    Authenticator a = !auth ? null : new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(settings.username(), settings.password() == null ? "" : settings.password());
      }
    };
    this.session = Session.getInstance(p, a);
  }

  @Override
  public void send(MailMessage m) throws MessagingException {
    if (m.to().isEmpty()) {
      throw new MessagingException("no recipients configured (email.to / DATAGENT_MONITOR_EMAIL_TO)");
    }
    MimeMessage msg = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", m.messageId());
      }
    };
    msg.setFrom(new InternetAddress(settings.from()));
    for (String to : m.to()) {
      msg.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
    }
    for (String cc : m.cc()) {
      msg.addRecipient(Message.RecipientType.CC, new InternetAddress(cc));
    }
    msg.setSubject(m.subject(), StandardCharsets.UTF_8.name());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alt = new MimeMultipart("alternative", text, html);
    msg.setContent(alt);
    msg.saveChanges();
    Transport.send(msg);
  }

  @Override
  public String describe() {
    return (settings.ssl() ? "smtps://" : "smtp://") + settings.host() + ":" + settings.port();
  }
}
