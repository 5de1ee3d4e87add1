package io.datagent.jobmonitor.mail;

/** No SMTP server configured: every send fails loudly, and the decision shows why in the App. */
public final class DisabledMailSender implements MailSender {

  @Override
  public void send(MailMessage message) {
    throw new IllegalStateException("SMTP no configurado: defina DATAGENT_SMTP_HOST (y DATAGENT_SMTP_USER, "
        + "DATAGENT_SMTP_PASSWORD desde un secret scope) para que el monitor envíe correos");
  }

  @Override
  public String describe() {
    return "disabled (no SMTP host)";
  }
}
