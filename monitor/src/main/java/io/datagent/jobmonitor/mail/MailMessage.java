package io.datagent.jobmonitor.mail;

import java.util.List;

/**
 * One email: recipients, subject, a plain-text and an HTML body with the same content, and a stable Message-ID
 * (derived from the decision) so that mail clients thread or deduplicate a resend.
 */
public record MailMessage(List<String> to, List<String> cc, String subject, String text, String html, String messageId) {

  public MailMessage {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
  }
}
