package io.datagent.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a Spanish (or English-formatted) text states, each with every value its spelling can mean:
 * {@code 1.234} is 1234 (Spanish thousands) or 1.234; {@code 12.345,6} is 12345.6; {@code 2,5 millones} is 2500000.
 * Dates ({@code 15/7/2023}, {@code 2023-07-15}, {@code 15 de julio de 2023}, {@code julio de 2023}) and durations
 * ({@code 30 s}) are not numbers, nor is a bare year (1900–2099);
 * digits glued to letters ({@code m3}, {@code cuadro_i_5}) are not either.
 */
final class StatedNumbers {

  /** One number as written: its possible values and how many decimals each reading shows. */
  record Stated(String text, double[] values, int[] decimals) {}

  private static final String MONTH = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
      + "noviembre|diciembre)";
  private static final Pattern DATES = Pattern.compile("(?iu)\\b\\d{4}-\\d{1,2}-\\d{1,2}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?"
      + "|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{1,2}/\\d{4}\\b|\\b\\d{1,2}\\s+(?:y\\s+(?:el\\s+)?\\d{1,2}\\s+)?de\\s+" + MONTH
      + "(?:\\s+(?:de|del)\\s+\\d{4})?|" + MONTH + "\\s+(?:de|del)?\\s*\\d{4}"
      + "|\\b\\d+(?:[.,]\\d+)?\\s*(?:ms|s|seg|segundos?|minutos?)\\b");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}_.,/-])[-−]?(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?"
      + "|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?)(?![\\p{L}_]|[.,]\\d)(\\s*(?:millones|millón|mil)\\b)?");

  private StatedNumbers() {}

  static List<Stated> in(String text) {
    String t = DATES.matcher(text == null ? "" : text).replaceAll(" ");
    List<Stated> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(t);
    while (m.find()) {
      if (m.group(2) == null && m.group(1).matches("(19|20)\\d\\d")) {
        continue; // a year ("¿se refiere a 2023?"), not a value
      }
      boolean negative = m.group().startsWith("-") || m.group().startsWith("−");
      double scale = m.group(2) == null ? 1 : m.group(2).strip().startsWith("mil") && !m.group(2).strip().startsWith("mill") ? 1e3 : 1e6;
      List<double[]> readings = readings(m.group(1));
      double[] values = new double[readings.size()];
      int[] decimals = new int[readings.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = (negative ? -1 : 1) * readings.get(i)[0] * scale;
        decimals[i] = scale == 1 ? (int) readings.get(i)[1] : 0;
      }
      out.add(new Stated(m.group().strip(), values, decimals));
    }
    return out;
  }

  /** Every run of digits in {@code text}, dates included: what a question mentions is never stated by the answer. */
  static java.util.Set<Double> digitRuns(String text) {
    java.util.Set<Double> out = new java.util.HashSet<>();
    Matcher m = Pattern.compile("\\d+").matcher(text == null ? "" : text);
    while (m.find()) {
      out.add(Double.parseDouble(m.group()));
    }
    in(text).forEach(st -> java.util.Arrays.stream(st.values()).forEach(out::add));
    return out;
  }

  /** Each reading: {value, decimals shown}. */
  private static List<double[]> readings(String s) {
    List<double[]> r = new ArrayList<>();
    boolean dot = s.contains(".");
    boolean comma = s.contains(",");
    if (dot && comma) {
      boolean spanish = s.lastIndexOf(',') > s.lastIndexOf('.');
      String decimalSep = spanish ? "," : ".";
      String clean = spanish ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
      r.add(new double[] {Double.parseDouble(clean), s.length() - s.lastIndexOf(decimalSep) - 1});
    } else if (dot || comma) {
      String sep = dot ? "." : ",";
      String[] parts = s.split(Pattern.quote(sep));
      if (parts.length == 2) {
        r.add(new double[] {Double.parseDouble(parts[0] + "." + parts[1]), parts[1].length()});
      }
      boolean grouped = parts[0].length() <= 3 && java.util.Arrays.stream(parts).skip(1).allMatch(p -> p.length() == 3);
      if (grouped) {
        r.add(new double[] {Double.parseDouble(String.join("", parts)), 0});
      }
    } else {
      r.add(new double[] {Double.parseDouble(s), 0});
    }
    return r;
  }
}
