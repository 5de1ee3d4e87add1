package io.datagent.agent.semantic;

import io.datagent.agent.QueryResult;
import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Measure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Spanish answer for a {@link Plan} and the rows its SQL returned: one sentence with the number(s) the
 * database computed and their unit, then "Entendí: …" (the interpretation). It states no number that is not in
 * the result.
 */
final class Verbalizer {

  private static final Locale ES = Locale.forLanguageTag("es-AR");

  private Verbalizer() {}

  static String sentence(Plan p, QueryResult r) {
    if (r == null || r.rows().isEmpty() || r.rows().get(0).stream().allMatch(v -> v == null)) {
      return "No hay datos que cumplan esas condiciones en " + p.model().source() + " (la consulta no devolvió valores).";
    }
    Plan.Target x = inResultUnit(p, p.targets().get(0));
    String where = Describe.context(p);
    if (p.group() != null && !p.group().average()) {
      return grouped(p, r, x, where);
    }
    List<Object> row = r.rows().get(0);
    if (p.change() != null) {
      return Describe.subject(x) + " pasó de " + value(row.get(1), x) + " (" + Describe.when(p.change().from()) + ") a "
          + value(row.get(2), x) + " (" + Describe.when(p.change().to()) + ")" + where + ": una variación de "
          + signed(row.get(0)) + unitSuffix(x) + percent(row.get(1), row.get(0)) + ".";
    }
    if (p.share() != null) {
      return capital(Describe.share(p)) + " es el " + number(row.get(0)) + " % " + of(Describe.subject(x).toLowerCase(ES))
          + where + " (" + value(row.get(1), x) + " de " + value(row.get(2), x) + ").";
    }
    if (x.measure().rowCount() || x.distinctOf() != null) {
      String what = x.distinctOf() != null ? io.datagent.semantic.Spanish.plural(Describe.label(x.distinctOf().displayName()))
          + " distintos (valores de la columna " + x.distinctOf().column() + ")" : p.model().rowNoun();
      return "Hay " + number(row.get(0)) + " " + what + where + ".";
    }
    if (p.group() != null) { // the average of the groups' totals
      return "El promedio por " + Describe.groupName(p.group()) + " de " + Describe.label(x.measure().displayName()) + where
          + " es " + value(row.get(0), x) + " (sobre " + number(row.get(1)) + " "
          + io.datagent.semantic.Spanish.plural(Describe.groupName(p.group())) + ").";
    }
    StringBuilder sb = new StringBuilder(Describe.subject(x)).append(where).append(" es ")
        .append(p.arithmetic() != null ? scaled(row.get(0), x) : value(row.get(0), x));
    for (int i = 1; i < p.targets().size() && i < row.size(); i++) {
      sb.append("; ").append(Describe.subject(p.targets().get(i)).toLowerCase(ES)).append(", ").append(value(row.get(i), p.targets().get(i)));
    }
    return sb.append('.').toString();
  }

  private static String grouped(Plan p, QueryResult r, Plan.Target x, String where) {
    String dim = Describe.groupName(p.group());
    List<String> items = new ArrayList<>();
    for (List<Object> row : r.rows().subList(0, Math.min(r.rows().size(), 10))) {
      items.add(row.get(0) + ": " + (p.share() != null ? number(row.get(1)) + " %" : value(row.get(1), x)));
    }
    String subject = Describe.subject(x).toLowerCase(ES);
    if (p.ranking() != null && p.ranking().k() == 1) {
      List<Object> top = r.rows().get(0);
      String names = String.join(", ", r.rows().stream().filter(row -> java.util.Objects.equals(row.get(1), top.get(1)))
          .map(row -> String.valueOf(row.get(0))).toList()); // ties, when the query keeps them
      String what = x.measure().rowCount() || x.distinctOf() != null ? p.model().rowNoun()
          : Describe.label(x.measure().displayName()) + " (" + x.aggregation().spanish() + ")";
      return capital(dim) + " con " + (p.ranking().descending() ? "mayor " : "menor ") + what + where + ": "
          + names + " (" + (p.share() != null ? number(top.get(1)) + " %" : value(top.get(1), x)) + ").";
    }
    if (p.ranking() != null) {
      return "Los " + r.rows().size() + " primeros por " + subject + where + " (" + (p.ranking().descending() ? "de mayor a menor"
          : "de menor a mayor") + "): " + String.join("; ", items) + ".";
    }
    return capital(subject) + " por " + dim + where + " (" + r.rows().size() + (r.truncated() ? "+" : "") + " grupos"
        + (r.rows().size() > 10 ? ", los 10 primeros" : "") + "): " + String.join("; ", items) + ".";
  }

  /** The target as the answer states it: in the unit the question converted it to (none for a ratio). */
  private static Plan.Target inResultUnit(Plan p, Plan.Target x) {
    Plan.Arithmetic a = p.arithmetic();
    if (a == null || a.unit() == null || x.measure().rowCount()) {
      return x;
    }
    Measure m = x.measure();
    String unit = a.unit().isEmpty() ? null : a.unit().startsWith("mil") ? "(en " + a.unit() + ")" : a.unit();
    Measure shown = new Measure(m.name(), m.column(), m.aggregation(), unit, m.displayName(),
        m.comment(), m.synonyms());
    return new Plan.Target(shown, x.aggregation(), x.distinctOf(), x.minus());
  }

  static String value(Object v, Plan.Target x) {
    return number(v) + unitSuffix(x);
  }

  /** A result the question's arithmetic scaled ("en millones de m3", "dividido por 365"): up to four decimals. */
  private static String scaled(Object v, Plan.Target x) {
    if (!(v instanceof Number n)) {
      return value(v, x);
    }
    BigDecimal d = (n instanceof BigDecimal b ? b : new BigDecimal(n.toString())).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(ES));
    return f.format(d) + unitSuffix(x);
  }

  private static String unitSuffix(Plan.Target x) {
    Measure m = x.measure();
    return m.rowCount() || x.aggregation() == Aggregation.COUNT || m.unit() == null ? "" : " " + m.unit();
  }

  private static String signed(Object v) {
    String s = number(v);
    return v instanceof Number n && n.doubleValue() > 0 ? "+" + s : s;
  }

  private static String percent(Object base, Object delta) {
    if (base instanceof Number b && delta instanceof Number d && b.doubleValue() != 0) {
      return " (" + signed(d.doubleValue() * 100 / b.doubleValue()) + " %)";
    }
    return "";
  }

  /** A number as the database gave it, in Spanish style (1.234,5), rounded to at most two decimals (four below 1). */
  static String number(Object v) {
    if (!(v instanceof Number n)) {
      return String.valueOf(v);
    }
    BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    int scale = d.abs().compareTo(BigDecimal.ONE) < 0 ? 4 : 2;
    d = d.setScale(Math.min(scale, Math.max(0, d.scale())), RoundingMode.HALF_UP).stripTrailingZeros();
    DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(ES));
    return f.format(d);
  }

  /** "de el total" → "del total". */
  private static String of(String phrase) {
    return phrase.startsWith("el ") ? "del " + phrase.substring(3) : "de " + phrase;
  }

  static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
