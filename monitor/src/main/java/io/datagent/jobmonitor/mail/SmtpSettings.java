package io.datagent.jobmonitor.mail;

/**
 * An SMTP server: host, port, optional login, sender, and STARTTLS or implicit TLS. On Databricks the password comes
 * from a secret scope through the App's environment.
 */
public record SmtpSettings(String host, int port, String username, String password, String from, boolean startTls,
    boolean ssl, int timeoutMillis) {

  public boolean configured() {
    return host != null && !host.isBlank();
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", user=" + username + ", from=" + from + ", password="
        + (password == null || password.isEmpty() ? "none" : "***") + "]";
  }
}
