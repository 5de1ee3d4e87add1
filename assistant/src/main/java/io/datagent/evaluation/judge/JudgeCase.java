package io.datagent.evaluation.judge;

import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.SourceRef;
import java.util.List;

/**
 * The user message a judge reads: the question, the answer as the user saw it, and the evidence the answer may rest
 * on (every SQL the agent ran, the rows the last one returned, what each tool call returned as the model saw it, the
 * rows and passages it cited). Bounded so one long result cannot blow the judge's context: at most
 * {@value #MAX_ROWS} rows, {@value #MAX_SOURCES} cited sources, {@value #MAX_TOOL_CHARS} characters per tool result,
 * and the whole message at most {@value #MAX_CHARS} characters (a cut is marked, so the judge knows the evidence
 * goes on).
 */
final class JudgeCase {

  static final int MAX_ROWS = 40;
  static final int MAX_SOURCES = 10;
  static final int MAX_TOOL_CHARS = 1_500;
  static final int MAX_CHARS = 12_000;

  private JudgeCase() {}

  static String of(String question, AgentAnswer a) {
    StringBuilder sb = new StringBuilder();
    sb.append("## Pregunta\n").append(question.strip()).append("\n\n## Respuesta\n").append(a.answer().strip())
        .append("\n\n## Evidencia\n");
    if (a.sql().isEmpty()) {
      sb.append("SQL ejecutada: ninguna\n");
    }
    for (String sql : a.sql()) {
      sb.append("SQL ejecutada:\n").append(sql.strip()).append('\n');
    }
    rows(sb, a.result());
    for (var call : a.toolCalls()) {
      if (call.result() != null && !call.result().isBlank()) {
        String r = call.result().strip();
        sb.append("Resultado de la herramienta ").append(call.tool()).append(":\n")
            .append(r.length() > MAX_TOOL_CHARS ? r.substring(0, MAX_TOOL_CHARS) + " […]" : r).append('\n');
      }
    }
    List<SourceRef> cited = a.sources().stream().filter(s -> s.excerpt() != null && !s.excerpt().isBlank()).toList();
    if (!cited.isEmpty()) {
      sb.append("Fuentes citadas:\n");
      cited.stream().limit(MAX_SOURCES).forEach(s -> sb.append("- ").append(s.table())
          .append(s.sourceFile() == null ? "" : ", archivo " + s.sourceFile())
          .append(s.sourceRow() == null ? "" : ", fila " + s.sourceRow()).append(": ").append(s.excerpt().strip()).append('\n'));
    }
    return sb.length() <= MAX_CHARS ? sb.toString() : sb.substring(0, MAX_CHARS) + "\n[evidencia recortada]\n";
  }

  private static void rows(StringBuilder sb, QueryResult r) {
    if (r == null) {
      sb.append("Filas de la última SQL: ninguna\n");
      return;
    }
    sb.append("Filas de la última SQL (").append(r.rows().size()).append(r.truncated() ? " o más" : "").append("):\n")
        .append(String.join(" | ", r.columns())).append('\n');
    r.rows().stream().limit(MAX_ROWS).forEach(row -> sb.append(String.join(" | ",
        row.stream().map(c -> c == null ? "NULL" : String.valueOf(c)).toList())).append('\n'));
    if (r.rows().size() > MAX_ROWS) {
      sb.append("[… ").append(r.rows().size() - MAX_ROWS).append(" filas más]\n");
    }
  }
}
