package io.datagent.jobmonitor.mail;

import io.datagent.jobmonitor.act.Action;
import io.datagent.jobmonitor.classify.CategoryInfo;
import io.datagent.jobmonitor.classify.Evidence;
import io.datagent.jobmonitor.store.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one clear email about a failed run, in Spanish, as text and HTML: job and run links, an error excerpt (never
 * the whole trace), the likely cause, the action taken and what a person must do. Escalations go to the escalation
 * list with the usual recipients in copy.
 */
public final class FailureEmail {

  private final EmailSettings settings;
  private final Map<io.datagent.jobmonitor.classify.Category, CategoryInfo> categories;

  public FailureEmail(EmailSettings settings, Map<io.datagent.jobmonitor.classify.Category, CategoryInfo> categories) {
    this.settings = settings;
    this.categories = Map.copyOf(categories);
  }

  public MailMessage render(Decision d, String actionTaken) {
    boolean escalate = d.plan().action() == Action.ESCALATE;
    CategoryInfo info = categories.get(d.classification().category());
    String label = info == null ? d.classification().category().id() : info.label();
    String job = d.jobName() == null ? "job " + d.jobId() : d.jobName();
    String subject = settings.subjectPrefix() + (escalate ? " ESCALADO: " : " ") + "fallo en «" + job + "» (ejecución "
        + d.runId() + "): " + label;
    String todo = d.classification().recommendation() != null && !d.classification().recommendation().isBlank()
        ? d.classification().recommendation() : info == null ? "Revise el error." : info.todo();
    String cause = d.classification().rootCause() != null ? d.classification().rootCause() : d.classification().explanation();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Job", job, d.jobUrl()});
    rows.add(new String[] {"Ejecución", d.runId() + (d.attempt() > 0 ? " (reparación " + d.attempt() + ")" : ""), d.runPageUrl()});
    rows.add(new String[] {"Tareas con error", d.taskKeys().isEmpty() ? "—" : String.join(", ", d.taskKeys()), null});
    rows.add(new String[] {"Categoría", label + String.format(Locale.ROOT, " (confianza %.2f, gravedad %s)",
        d.classification().confidence(), severity(d.classification().severity())), null});
    rows.add(new String[] {"Causa probable", cause, null});
    rows.add(new String[] {"Evidencia", evidence(d.classification().evidence()), null});
    rows.add(new String[] {"Acción tomada", actionTaken, null});
    rows.add(new String[] {"Qué debe hacer una persona", todo, null});
    String excerpt = d.errorExcerpt() == null ? "" : d.errorExcerpt();

    StringBuilder text = new StringBuilder();
    text.append(escalate ? "El monitor de datagent escala este fallo: necesita atención.\n\n"
        : "El monitor de datagent detectó un fallo que necesita a una persona.\n\n");
    for (String[] r : rows) {
      text.append(r[0]).append(": ").append(r[1]).append(r[2] == null ? "" : " — " + r[2]).append('\n');
    }
    text.append("\nExtracto del error:\n").append(excerpt).append('\n');

    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"es\"><body style=\"font-family:sans-serif\">");
    html.append("<p>").append(escalate ? "<b>El monitor de datagent escala este fallo: necesita atención.</b>"
        : "El monitor de datagent detectó un fallo que necesita a una persona.").append("</p><table cellpadding=\"4\">");
    for (String[] r : rows) {
      html.append("<tr><th align=\"left\" valign=\"top\">").append(esc(r[0])).append("</th><td>");
      html.append(r[2] == null ? esc(r[1]) : "<a href=\"" + esc(r[2]) + "\">" + esc(r[1]) + "</a>").append("</td></tr>");
    }
    html.append("</table><p><b>Extracto del error</b></p><pre style=\"background:#f4f4f4;padding:8px;white-space:pre-wrap\">")
        .append(esc(excerpt)).append("</pre></body></html>");
    List<String> to = escalate && !settings.escalation().isEmpty() ? settings.escalation() : settings.to();
    List<String> cc = escalate && !settings.escalation().isEmpty() ? settings.to() : List.of();
    return new MailMessage(to, cc, subject, text.toString(), html.toString(),
        "<datagent-monitor-" + d.runId() + "-" + d.attempt() + "@datagent>");
  }

  /** The severity in Spanish. */
  public static String severity(io.datagent.jobmonitor.classify.Severity s) {
    return switch (s) {
      case LOW -> "baja";
      case MEDIUM -> "media";
      case HIGH -> "alta";
      case CRITICAL -> "crítica";
    };
  }

  private static String evidence(List<Evidence> ev) {
    List<String> parts = new ArrayList<>();
    for (Evidence e : ev) {
      parts.add(e.toString());
    }
    return parts.isEmpty() ? "—" : String.join("; ", parts);
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
