package io.datagent.app.trusted;

import io.datagent.agent.sql.GuardedSql;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.sql.SqlRejectedException;
import io.datagent.agent.trusted.ParamType;
import io.datagent.agent.trusted.TrustedMatch;
import io.datagent.agent.trusted.TrustedMatcher;
import io.datagent.agent.trusted.TrustedQuery;
import io.datagent.agent.trusted.ValueIndex;
import io.datagent.text.Folding;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an answered question into a trusted query: each parameter the engineer marks (a name, a type and its value
 * in the question) becomes {@code {name}} in the question's pattern and {@code :name} in the SQL it was answered with
 * (where the value's literal was). The bound SQL must pass the guard, and the pattern must match the question again.
 * Every refusal is an {@link IllegalArgumentException} with a Spanish reason.
 */
final class TrustedQueryDraft {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,39}");
  private static final Pattern TEXT_LITERAL = Pattern.compile("(?i)(DATE\\s*)?'([^']*)'");

  /** A parameter the engineer marked. */
  record Param(String name, String type, String value) {}

  private TrustedQueryDraft() {}

  static TrustedQuery build(String question, String sql, String title, String table, List<Param> marked, String author,
      SqlGuard guard, Instant now) {
    if (question == null || question.isBlank() || sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("Indique la pregunta y la SQL con que se respondió.");
    }
    String pattern = question.strip().replaceAll("^[¿¡\\s]+|[?!.\\s]+$", "");
    String withParams = sql.strip().replaceAll(";\\s*$", "");
    Map<String, ParamType> params = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (Param p : marked) {
      if (p.name() == null || !NAME.matcher(p.name()).matches()) {
        throw new IllegalArgumentException("El nombre de parámetro «" + p.name() + "» no es válido (letras, cifras y _).");
      }
      ParamType type = ParamType.parse(p.type()).orElseThrow(() -> new IllegalArgumentException("El tipo «" + p.type()
          + "» del parámetro " + p.name() + " no es válido (texto, entero, número o fecha)."));
      if (p.value() == null || p.value().isBlank() || type.literal(p.value()).isEmpty()) {
        throw new IllegalArgumentException("El valor «" + p.value() + "» del parámetro " + p.name() + " no es un "
            + type.spanish() + " válido.");
      }
      pattern = replaceInQuestion(pattern, p.value().strip(), p.name());
      if (!withParams.contains(":" + p.name())) {
        withParams = replaceInSql(withParams, type, p.value().strip(), p.name());
      }
      params.put(p.name(), type);
      values.put(p.name(), p.value().strip());
    }
    TrustedQuery draft = new TrustedQuery(UUID.randomUUID().toString(), table == null || table.isBlank() ? "?" : table,
        title == null || title.isBlank() ? question.strip() : title.strip(), List.of(pattern), withParams, params, author, now);
    TrustedMatcher matcher = new TrustedMatcher(ValueIndex.NONE);
    TrustedMatch bound = matcher.bind(draft, values)
        .orElseThrow(() -> new IllegalArgumentException("Los valores de los parámetros no son válidos."));
    GuardedSql guarded;
    try {
      guarded = guard.check(bound.sql());
    } catch (SqlRejectedException e) {
      throw new IllegalArgumentException("La SQL no pasa la verificación: " + e.getMessage());
    }
    String tableName = table == null || table.isBlank() ? guarded.tables().stream().findFirst().orElseThrow(
        () -> new IllegalArgumentException("La SQL no lee ninguna tabla.")) : table.strip();
    TrustedQuery q = new TrustedQuery(draft.id(), tableName, draft.title(), draft.patterns(), draft.sql(), params, author, now);
    if (matcher.match(question, List.of(q)).isEmpty()) {
      throw new IllegalArgumentException("El patrón «" + pattern + "» no reconoce la pregunta original; revise los parámetros.");
    }
    return q;
  }

  /** The question with the value's first occurrence (compared folded) replaced by {@code {name}}. */
  static String replaceInQuestion(String question, String value, String name) {
    int at = fold(question).indexOf(fold(value));
    if (at < 0) {
      throw new IllegalArgumentException("El valor «" + value + "» del parámetro " + name + " no aparece en la pregunta.");
    }
    return question.substring(0, at) + "{" + name + "}" + question.substring(at + value.length());
  }

  /** The SQL with every literal of the value replaced by {@code :name}. */
  static String replaceInSql(String sql, ParamType type, String value, String name) {
    String result;
    if (type == ParamType.TEXT || type == ParamType.DATE) {
      String wanted = type == ParamType.DATE ? type.literal(value).orElseThrow().replaceAll("^DATE'|'$", "") : fold(value);
      Matcher m = TEXT_LITERAL.matcher(sql);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        boolean same = type == ParamType.DATE ? m.group(2).strip().equals(wanted) : fold(m.group(2).strip()).equals(wanted);
        m.appendReplacement(sb, same ? ":" + name : Matcher.quoteReplacement(m.group()));
      }
      m.appendTail(sb);
      result = sb.toString();
    } else {
      String literal = type.literal(value).orElseThrow();
      result = sql.replaceAll("(?<![\\w.'])" + Pattern.quote(literal) + "(?![\\w.'])", ":" + name);
    }
    if (result.equals(sql)) {
      throw new IllegalArgumentException("No encontré el valor «" + value + "» del parámetro " + name + " en la SQL.");
    }
    return result;
  }

  private static String fold(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      sb.append(Folding.fold(s.charAt(i)));
    }
    return sb.toString();
  }
}
