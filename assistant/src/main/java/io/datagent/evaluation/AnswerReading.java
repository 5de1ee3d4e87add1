package io.datagent.evaluation;

import io.datagent.agent.AgentAnswer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an answer claims, told apart from what it quotes. The answer's own prose is its text without quoted material:
 * code blocks and inline code (SQL), Markdown tables, «quotes», lines citing a file and row (quoted rows and
 * sources), and the citation blocks (table consulted, column descriptions, sources, tables available). A number in
 * the prose that the question itself does not contain is a stated number. An answer asserts a value when it states
 * a number, or when the last SQL it ran computes (an aggregate function or GROUP BY) and returned a first row with no
 * NULL. A computation that produced no value ({@code total = NULL; filas = 0}: an aggregate over no rows) states
 * nothing.
 */
record AnswerReading(String prose, List<StatedNumbers.Stated> stated, boolean computed) {

  private static final Pattern CODE = Pattern.compile("(?s)```.*?(```|$)|`[^`\\n]*`");
  private static final Pattern QUOTE = Pattern.compile("(?s)«[^»]*»");
  private static final Pattern CITATION = Pattern.compile("(?iu)^[\\s*_#>-]*(tabla consultada|descripci[oó]n de las columnas"
      + "|tablas disponibles|sql para repetir|textos que coinciden|filas que coinciden)");
  private static final Pattern NO_VALUE = Pattern.compile("=\\s*NULL\\b");
  private static final Pattern AGGREGATE = Pattern.compile("(?i)\\b(sum|avg|mean|count|count_if|max|min|max_by|min_by|"
      + "percentile|median|stddev)\\s*\\(|\\bgroup\\s+by\\b");

  static AnswerReading of(String question, AgentAnswer answer) {
    String prose = prose(answer.answer());
    java.util.Set<Double> asked = StatedNumbers.digitRuns(question);
    List<StatedNumbers.Stated> stated = new ArrayList<>();
    for (StatedNumbers.Stated s : StatedNumbers.in(prose)) {
      if (java.util.Arrays.stream(s.values()).noneMatch(asked::contains)) {
        stated.add(s);
      }
    }
    String lastSql = answer.sql().isEmpty() ? "" : answer.sql().get(answer.sql().size() - 1);
    boolean computed = AGGREGATE.matcher(lastSql).find() && answer.result() != null && !answer.result().rows().isEmpty()
        && answer.result().rows().get(0).stream().allMatch(java.util.Objects::nonNull);
    return new AnswerReading(prose, List.copyOf(stated), computed);
  }

  boolean asserts() {
    return !stated.isEmpty() || computed;
  }

  /** True when the prose states {@code expected} within the tolerance. */
  boolean states(double expected, int decimals) {
    return stated.stream().anyMatch(s -> Tolerance.matches(s, expected, decimals));
  }

  private static final String[] MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
      "septiembre", "octubre", "noviembre", "diciembre"};

  /**
   * True when the prose names {@code label} (accents, case and spacing ignored); an ISO date also as
   * {@code 1 de febrero de 2024}, {@code 1/2/2024} or {@code 01/02/2024}.
   */
  boolean names(String label) {
    String p = fold(prose);
    if (label != null && label.matches("\\d{4}-\\d{2}-\\d{2}")) {
      java.time.LocalDate d = java.time.LocalDate.parse(label);
      return p.contains(label) || p.contains(d.getDayOfMonth() + " de " + MONTHS[d.getMonthValue() - 1] + " de " + d.getYear())
          || p.contains(d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear())
          || p.contains(String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()));
    }
    return p.contains(fold(label));
  }

  static String prose(String text) {
    String t = CODE.matcher(text == null ? "" : text).replaceAll(" ");
    t = QUOTE.matcher(t).replaceAll(" ");
    StringBuilder out = new StringBuilder();
    for (String line : t.split("\\R")) {
      String l = line.strip();
      String lower = fold(l);
      if (lower.startsWith("fuentes")) {
        break; // the sources block closes the answer
      }
      if (l.startsWith("|") || NO_VALUE.matcher(l).find() || CITATION.matcher(l).find() || (lower.contains("archivo ") && lower.contains("fila "))) {
        continue;
      }
      out.append(l.replaceFirst("^\\d+[.)]\\s+", "")).append('\n'); // list numbering is not a number stated
    }
    return out.toString();
  }

  static String fold(String s) {
    String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    // superscript digits as written in spreadsheets' rich text ("m³") are the plain digits of the file's text ("m3")
    n = n.replace('º', '°').replace('¹', '1').replace('²', '2').replace('³', '3');
    return n.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
