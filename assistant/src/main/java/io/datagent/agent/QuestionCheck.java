package io.datagent.agent;

import io.datagent.text.Folding;
import io.datagent.agent.search.Terms;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.sql.SqlRejectedException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Questions refused before any model or query runs: empty, too long, SQL the guard refuses, or a plain request to
 * change data. A refusal is an {@link AgentAnswer} with mode {@code refused}, never an exception.
 */
public final class QuestionCheck {

  private static final Set<String> SQL_START = Set.of("SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "DROP", "CREATE",
      "ALTER", "TRUNCATE", "MERGE", "GRANT", "REVOKE", "REPLACE", "OPTIMIZE", "VACUUM", "COPY", "SET", "USE", "CALL",
      "EXEC", "EXECUTE", "SHOW", "DESCRIBE", "EXPLAIN", "MSCK", "REFRESH", "CACHE", "UNCACHE", "RESTORE", "CLONE");

  /** A request to change data in plain words: the verb first (optionally after "por favor"). */
  private static final Pattern WRITE_REQUEST = Pattern.compile("^\\s*(por favor,?\\s+)?(borra|borrar|borre|elimina|eliminar|"
      + "elimine|actualiza|actualizar|actualice|modifica|modificar|modifique|inserta|insertar|inserte|vacia|vaciar|vacie|"
      + "trunca|truncar|trunque|destruye|destruir|delete|drop|update|insert|truncate|remove)\\b");

  /**
   * Refusals that a question in words also gets ("Show me the plants of 'ABRO'?"): such a question is answered as
   * words; if any path later runs its text as SQL, the same guard refuses it there.
   */
  private static final Set<String> PROSE_CODES = Set.of("parse_error", "bad_character", "non_ascii", "double_quote",
      "quote_escape", "unterminated_literal", "unterminated_identifier");

  private final int maxChars;
  private final SqlGuard guard;

  public QuestionCheck(int maxChars, SqlGuard guard) {
    this.maxChars = maxChars;
    this.guard = guard;
  }

  /** The refusal for this request, or empty when it may be answered. */
  public Optional<AgentAnswer> refusal(AgentRequest request, long startNanos) {
    String q = request == null ? null : request.question();
    if (q == null || q.isBlank()) {
      return refuse("La pregunta está vacía. Escriba qué quiere saber sobre los datos.", "empty_question", startNanos);
    }
    if (q.length() > maxChars) {
      return refuse("La pregunta es demasiado larga (" + q.length() + " caracteres; el máximo es " + maxChars
          + "). Resúmala en una o dos oraciones.", "question_too_long", startNanos);
    }
    if (looksLikeSql(q)) {
      try {
        guard.check(q);
      } catch (SqlRejectedException e) {
        boolean words = PROSE_CODES.contains(e.code()) && Set.of("SELECT", "WITH", "SHOW", "USE", "SET").contains(firstWord(q));
        if (!words) { // "select the biggest plants" is a question, "DROP TABLE x" is not
          return refuse("No puedo ejecutar esa consulta: " + e.getMessage(), "sql_rejected:" + e.code(), startNanos);
        }
      }
    }
    if (WRITE_REQUEST.matcher(Folding.fold(q)).find()) {
      return refuse("Solo puedo consultar los datos: no borro, modifico ni creo tablas o filas. Puedo mostrarle qué "
          + "contienen; por ejemplo, pregunte «¿qué filas tiene la tabla …?».", "write_request", startNanos);
    }
    return Optional.empty();
  }

  /** Whether the question is SQL text rather than words (its first word is a SQL command). */
  public static boolean looksLikeSql(String q) {
    return SQL_START.contains(firstWord(q));
  }

  static String firstWord(String q) {
    String s = q.strip();
    while (s.startsWith("(")) {
      s = s.substring(1).strip();
    }
    int end = 0;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    boolean whole = end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
    return whole ? s.substring(0, end).toUpperCase(Locale.ROOT) : "";
  }

  private static Optional<AgentAnswer> refuse(String text, String code, long startNanos) {
    return Optional.of(AgentAnswer.refused(text, code, (System.nanoTime() - startNanos) / 1_000_000));
  }
}
