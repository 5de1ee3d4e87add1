package io.datagent.agent.trusted;

import java.util.Map;
import java.util.regex.Matcher;

/**
 * Writes parameter literals into a trusted query's SQL: each {@code :name} outside quotes and comments becomes the
 * literal {@link ParamType#literal} built from its validated value. The executor has no bind parameters (the
 * Statement Execution API and Spark SQL text are run as text), and the bound SQL still goes through the SqlGuard.
 */
final class SqlBinder {

  private SqlBinder() {}

  /**
   * @param literals each parameter's SQL literal, already validated
   * @throws IllegalArgumentException when a parameter has no literal
   */
  static String bind(String sql, Map<String, String> literals) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '`' || c == '"') {
        int end = sql.indexOf(c, i + 1);
        end = end < 0 ? sql.length() : end + 1;
        out.append(sql, i, end);
        i = end;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        out.append(sql, i, end);
        i = end;
      } else if (c == ':' && (i == 0 || !isWordOrColon(sql.charAt(i - 1)))) {
        Matcher m = TrustedQuery.SQL_PARAM.matcher(sql).region(i, sql.length());
        if (m.lookingAt()) {
          String literal = literals.get(m.group(1));
          if (literal == null) {
            throw new IllegalArgumentException("Falta el valor del parámetro " + m.group(1) + ".");
          }
          out.append(literal);
          i = m.end();
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isWordOrColon(char c) {
    return c == ':' || Character.isLetterOrDigit(c) || c == '_';
  }
}
