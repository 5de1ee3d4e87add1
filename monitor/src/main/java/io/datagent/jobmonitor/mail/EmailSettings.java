package io.datagent.jobmonitor.mail;

import java.util.List;

/** Who gets the monitor's emails: the people who act ({@code to}) and the escalation list, and the subject prefix. */
public record EmailSettings(List<String> to, List<String> escalation, String subjectPrefix, SmtpSettings smtp) {

  public EmailSettings {
    to = List.copyOf(to);
    escalation = List.copyOf(escalation);
  }
}
