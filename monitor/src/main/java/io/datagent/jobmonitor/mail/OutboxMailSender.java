package io.datagent.jobmonitor.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@link MailSender} for local runs without an SMTP server: each message becomes a {@code .eml}-like text file (and
 * its {@code .html}) in an outbox folder, e.g. {@code <workspace>/state/monitor/outbox/}.
 */
public final class OutboxMailSender implements MailSender {

  private final Path folder;

  public OutboxMailSender(Path folder) {
    this.folder = folder;
  }

  @Override
  public void send(MailMessage m) throws IOException {
    Files.createDirectories(folder);
    String base = m.messageId().replaceAll("[^A-Za-z0-9._-]", "_");
    String text = "Message-ID: " + m.messageId() + "\nTo: " + (m.to().isEmpty() ? "(sin destinatarios: defina DATAGENT_MONITOR_EMAIL_TO)" : String.join(", ", m.to())) + "\nCc: "
        + String.join(", ", m.cc()) + "\nSubject: " + m.subject() + "\n\n" + m.text();
    write(folder.resolve(base + ".eml.txt"), text);
    write(folder.resolve(base + ".html"), m.html());
  }

  private static void write(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String describe() {
    return folder.toString();
  }
}
