package io.datagent.agent.sql;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;

/**
 * The lexical pre-check the {@link SqlGuard} runs on the raw text before any parser sees it.
 *
 * <p>Why: JSqlParser and Spark's ANTLR lexer disagree on several tokens, and a statement that one reads as a comment
 * or a string the other may read as code. So everything where they could disagree is refused here, with Spark's
 * rules as the reference:
 * <ul>
 *   <li>backslashes anywhere (Spark unescapes {@code \'} and {@code \u0027} in literals and continues {@code --}
 *       comments across {@code \}-newline; JSqlParser does neither);</li>
 *   <li>{@code ${...}} anywhere, string literals included (Spark's variable substitution, e.g. {@code ${env:X}});</li>
 *   <li>doubled quotes inside literals ({@code 'it''s'} is one string for JSqlParser, two adjacent ones for Spark),
 *       double-quoted text (a string for Spark, an identifier for JSqlParser);</li>
 *   <li>hints ({@code /*+ ... *}{@code /}), nested or unterminated comments (Spark nests them, JSqlParser does not);</li>
 *   <li>{@code $}, {@code {}, {@code ?}, {@code @}, {@code #} outside literals (JSqlParser reads dollar-quoted
 *       strings, JDBC escapes and parameters there; Spark does not), nesting deeper than {@link #MAX_DEPTH};</li>
 *   <li>more than one statement, control, invisible (format/bidi) and non-ASCII characters outside literals,
 *       confusable characters inside back-quoted identifiers.</li>
 * </ul>
 * Comments that pass are replaced by a space; the text handed to the parser is {@link #clean}'s result.
 */
final class SqlLexer {

  /** Deepest parenthesis nesting accepted (deeper input could overflow the parser's or the walker's stack). */
  static final int MAX_DEPTH = 40;

  private SqlLexer() {}

  /** Checks {@code sql} and returns it without comments or a trailing {@code ;}. */
  static String clean(String sql) throws SqlRejectedException {
    checkCharacters(sql);
    StringBuilder out = new StringBuilder(sql.length());
    int n = sql.length();
    int i = 0;
    boolean ended = false; // a ';' was seen: only whitespace and comments may follow
    int depth = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = sql.indexOf('\'', i + 1);
        if (end < 0) {
          throw reject("unterminated_literal", "Hay un texto entre comillas simples sin cerrar.");
        }
        if (end + 1 < n && sql.charAt(end + 1) == '\'') {
          throw reject("quote_escape", "No se permiten comillas dobladas ('') dentro de un texto; Spark y el verificador "
              + "las leen distinto. Evite el apóstrofo o use LIKE con %.");
        }
        requireOpen(ended);
        out.append(sql, i, end + 1);
        i = end + 1;
      } else if (c == '`') {
        int end = sql.indexOf('`', i + 1);
        if (end < 0) {
          throw reject("unterminated_identifier", "Hay un nombre entre acentos graves (`) sin cerrar.");
        }
        if (end + 1 < n && sql.charAt(end + 1) == '`') {
          throw reject("bad_identifier", "No se permiten acentos graves dentro de un nombre.");
        }
        String quoted = sql.substring(i + 1, end);
        if (quoted.contains("/") || quoted.contains(":")) {
          throw reject("path_table", "No se permite leer archivos o rutas (`" + quoted + "`); consulte solo tablas.");
        }
        checkQuotedIdentifier(quoted);
        requireOpen(ended);
        out.append(sql, i, end + 1);
        i = end + 1;
      } else if (c == '"') {
        throw reject("double_quote", "No se permiten comillas dobles (\"): use comillas simples para textos ('ABRO') y "
            + "acentos graves para nombres (`columna`).");
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = i;
        while (end < n && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
          end++;
        }
        out.append(' ');
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        if (i + 2 < n && sql.charAt(i + 2) == '+') {
          throw reject("hint", "No se permiten hints (/*+ ... */) en la consulta.");
        }
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          throw reject("unterminated_comment", "Hay un comentario /* sin cerrar.");
        }
        if (sql.substring(i + 2, end).contains("/*")) {
          throw reject("nested_comment", "No se permiten comentarios anidados.");
        }
        out.append(' ');
        i = end + 2;
      } else if (c == ';') {
        ended = true;
        i++;
      } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '{') {
        throw substitution();
      } else if (c == '{' || c == '}' || c == '#' || c == '?' || c == '@' || c == '$') {
        throw reject("bad_character", "No se permite el carácter '" + c + "' fuera de un texto.");
      } else if (c > 0x7e) {
        throw reject("non_ascii", "Fuera de textos y de nombres entre acentos graves solo se permiten caracteres ASCII; "
            + "escriba los nombres con tildes entre acentos graves (`año`).");
      } else {
        if (!Character.isWhitespace(c)) {
          requireOpen(ended);
        }
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth > MAX_DEPTH) {
          throw reject("too_deep", "La consulta anida demasiados paréntesis (máximo " + MAX_DEPTH + ").");
        }
        out.append(c);
        i++;
      }
    }
    return out.toString().strip();
  }

  private static void requireOpen(boolean ended) throws SqlRejectedException {
    if (ended) {
      throw reject("multiple_statements", "Se permite una sola sentencia; se recibieron varias separadas por ';'.");
    }
  }

  /** Characters refused anywhere, literals included. */
  private static void checkCharacters(String sql) throws SqlRejectedException {
    if (sql.contains("${")) {
      throw substitution();
    }
    for (int i = 0; i < sql.length(); ) {
      int cp = sql.codePointAt(i);
      if (cp == '\\') {
        throw reject("backslash", "No se permiten barras invertidas (\\) en la consulta: Spark las interpreta como "
            + "escapes. Use LIKE o funciones de texto sin escapes.");
      }
      if (cp == 0) {
        throw reject("control_char", "La consulta contiene un carácter nulo.");
      }
      if ((cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t') || (cp >= 0x7f && cp < 0xa0)) {
        throw reject("control_char", "La consulta contiene caracteres de control (U+" + hex(cp) + ").");
      }
      int type = Character.getType(cp);
      if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.UNASSIGNED) {
        throw reject("invisible_char", "La consulta contiene caracteres invisibles o de control de dirección (U+"
            + hex(cp) + "); escríbala de nuevo sin copiarla.");
      }
      i += Character.charCount(cp);
    }
  }

  /**
   * A back-quoted name: Latin letters, digits and a few signs (Spanish column names such as {@code `año`} or
   * {@code `potencia (MW)`}); no look-alike letters of other scripts, no compatibility forms (full-width, ligatures,
   * decomposed accents: NFKC must leave the name as written).
   */
  static void checkQuotedIdentifier(String name) throws SqlRejectedException {
    if (name.isEmpty() || name.isBlank()) {
      throw reject("bad_identifier", "Hay un nombre vacío entre acentos graves.");
    }
    if (!Normalizer.normalize(name, Normalizer.Form.NFKC).equals(name)) {
      throw reject("confusable_identifier", "El nombre `" + name + "` usa caracteres que se confunden con otros "
          + "(anchos, compuestos o de compatibilidad); escríbalo con letras normales.");
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      boolean ok = (cp < 0x80 && (Character.isLetterOrDigit(cp) || " _-%()#&+,".indexOf(cp) >= 0))
          || (cp >= 0xc0 && cp <= 0x24f && Character.isLetter(cp) && Character.UnicodeScript.of(cp) == UnicodeScript.LATIN)
          || cp == '°';
      if (!ok) {
        throw reject(cp >= 0x80 ? "confusable_identifier" : "bad_identifier", "El nombre `" + name
            + "` contiene un carácter no permitido ('" + new String(Character.toChars(cp)) + "', U+" + hex(cp) + ").");
      }
      i += Character.charCount(cp);
    }
  }

  private static SqlRejectedException substitution() {
    return reject("variable_substitution", "No se permite ${...} en la consulta (sustitución de variables de Spark).");
  }

  private static String hex(int cp) {
    return String.format("%04X", cp);
  }

  private static SqlRejectedException reject(String code, String message) {
    return new SqlRejectedException(code, message);
  }
}
