package io.datagent.embedding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How a cell reads in a document: decimals without trailing zeros, dates as ISO plus their Spanish wording
 * ({@code 2022-01-03 (3 de enero de 2022)}, so "enero 2022" finds them), booleans as sí/no, text cleaned.
 * Returns null for null or blank cells.
 */
public final class ValueText {

  private static final Locale ES = Locale.forLanguageTag("es");

  private ValueText() {}

  public static String of(Object v) {
    if (v == null) {
      return null;
    }
    String s;
    if (v instanceof BigDecimal d) {
      s = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      s = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    } else if (v instanceof java.sql.Date d) {
      s = date(d.toLocalDate());
    } else if (v instanceof LocalDate d) {
      s = date(d);
    } else if (v instanceof java.sql.Timestamp t) {
      s = t.toInstant().toString().replace('T', ' ').replace("Z", " UTC");
    } else if (v instanceof Boolean b) {
      s = b ? "sí" : "no";
    } else {
      s = Texts.clean(String.valueOf(v));
    }
    return s.isEmpty() ? null : s;
  }

  static String date(LocalDate d) {
    return d + " (" + d.getDayOfMonth() + " de " + d.getMonth().getDisplayName(TextStyle.FULL, ES) + " de " + d.getYear() + ")";
  }
}
