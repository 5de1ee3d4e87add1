package io.datagent.jobmonitor.mail;

/**
 * Sends the monitor's emails: {@link SmtpMailSender} (Jakarta Mail over SMTP) or {@link OutboxMailSender} (local
 * runs without an SMTP server: writes {@code .eml} files a person can open).
 */
public interface MailSender {

  /** Sends or throws; an exception means the message certainly did not leave. */
  void send(MailMessage message) throws Exception;

  /** Where messages go, for logs and the App ("smtp://host:port", a folder...). */
  String describe();
}
