package io.datagent.ingestion.typing;

import io.datagent.text.Folding;
import io.datagent.naming.Names;
import java.time.LocalDate;
import java.util.Map;

/**
 * Allocation-light parser for the textual {@link DateForm}s, day always before month, plus the Excel serial rules.
 *
 * <p>{@link #parseText} returns a packed {@code form.ordinal() * 100_000_000 + yyyymmdd}, or -1. Numeric forms may
 * end in a midnight time ({@code " 00:00:00"}, {@code "T00:00"}, {@code " 0:00:00.0"}); any other time is not a date.
 * Two-digit years of month labels: 00-69 → 2000s, 70-99 → 1900s.
 */
final class Dates {

  /** Excel day 0; serial n is this date plus n days (the 1900 leap-year bug only affects serials before 61). */
  static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  static final int MIN_PLAUSIBLE_SERIAL = 3654; // 1910-01-02
  static final int MAX_PLAUSIBLE_SERIAL = 80000; // 2119-01-10

  private static final int FORM_FACTOR = 100_000_000;
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("ene", 1), Map.entry("enero", 1), Map.entry("feb", 2), Map.entry("febrero", 2),
      Map.entry("mar", 3), Map.entry("marzo", 3), Map.entry("abr", 4), Map.entry("abril", 4),
      Map.entry("may", 5), Map.entry("mayo", 5), Map.entry("jun", 6), Map.entry("junio", 6),
      Map.entry("jul", 7), Map.entry("julio", 7), Map.entry("ago", 8), Map.entry("agosto", 8),
      Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("set", 9), Map.entry("septiembre", 9),
      Map.entry("setiembre", 9), Map.entry("oct", 10), Map.entry("octubre", 10), Map.entry("nov", 11),
      Map.entry("noviembre", 11), Map.entry("dic", 12), Map.entry("diciembre", 12));

  private Dates() {}

  static DateForm form(int packed) {
    return DateForm.values()[packed / FORM_FACTOR];
  }

  static LocalDate toLocalDate(int packed) {
    int ymd = packed % FORM_FACTOR;
    return LocalDate.of(ymd / 10_000, ymd / 100 % 100, ymd % 100);
  }

  /** True when the header names a date: a word fecha…, period…, date…, month…, mes(es) or día(s). */
  static boolean isDateHeader(String header) {
    for (String word : Names.toIdentifier(header).split("_")) {
      if (word.startsWith("fecha") || word.startsWith("period") || word.startsWith("date") || word.startsWith("month")
          || word.equals("mes") || word.equals("meses") || word.equals("dia") || word.equals("dias")) {
        return true;
      }
    }
    return false;
  }

  static boolean isPlausibleSerial(int serial) {
    return serial >= MIN_PLAUSIBLE_SERIAL && serial <= MAX_PLAUSIBLE_SERIAL;
  }

  static int parseText(String s, int from, int to) {
    if (to - from < 5) {
      return -1;
    }
    char first = s.charAt(from);
    return first >= '0' && first <= '9' ? parseNumeric(s, from, to) : parseMonthLabel(s, from, to);
  }

  private static int parseNumeric(String s, int from, int to) {
    int a = digitsEnd(s, from, to);
    if (a == to) {
      return -1;
    }
    char sep = s.charAt(a);
    if ((sep == 'M' || sep == 'm') && a - from == 4) { // 2025M05
      int m = digitsEnd(s, a + 1, to);
      return m == to && m - (a + 1) == 2 ? pack(DateForm.YEAR_M_MONTH, number(s, from, a), number(s, a + 1, m), 1) : -1;
    }
    if (sep != '/' && sep != '-') {
      return -1;
    }
    int b = digitsEnd(s, a + 1, to);
    if (b - (a + 1) < 1 || b - (a + 1) > 2 || b == to || s.charAt(b) != sep) {
      return -1;
    }
    int c = digitsEnd(s, b + 1, to);
    if (!isMidnightSuffix(s, c, to)) {
      return -1;
    }
    int first = number(s, from, a);
    int middle = number(s, a + 1, b);
    int last = number(s, b + 1, c);
    if (a - from == 4 && c - (b + 1) >= 1 && c - (b + 1) <= 2) {
      return pack(DateForm.ISO, first, middle, last);
    }
    if (a - from <= 2 && c - (b + 1) == 4) {
      return pack(sep == '/' ? DateForm.DAY_MONTH_YEAR_SLASH : DateForm.DAY_MONTH_YEAR_DASH, last, middle, first);
    }
    return -1;
  }

  private static int parseMonthLabel(String s, int from, int to) {
    char last = s.charAt(to - 1);
    if (last < '0' || last > '9' || to - from > 24) {
      return -1; // cheap exit for ordinary text, before any allocation
    }
    int i = from;
    while (i < to && i - from <= 10 && Character.isLetter(s.charAt(i))) {
      i++;
    }
    if (i == from || i - from > 10) {
      return -1;
    }
    char[] letters = new char[i - from];
    for (int k = 0; k < letters.length; k++) {
      letters[k] = Folding.fold(s.charAt(from + k));
    }
    Integer month = MONTHS.get(new String(letters));
    if (month == null) {
      return -1;
    }
    while (i < to && (s.charAt(i) == '.' || s.charAt(i) == '-' || s.charAt(i) == '/' || s.charAt(i) == ' ')) {
      i++;
    }
    if (i + 3 < to && Tokens.equalsFolded(s, i, i + 3, "de ")) {
      i += 3; // "enero de 2020"
    }
    int end = digitsEnd(s, i, to);
    if (end != to || (end - i != 2 && end - i != 4)) {
      return -1;
    }
    int year = number(s, i, end);
    if (end - i == 2) {
      year += year < 70 ? 2000 : 1900;
    }
    return pack(DateForm.MONTH_LABEL, year, month, 1);
  }

  /** Nothing, or a space/T then 0:00 or 00:00, optionally :00 and a fraction of zeros. */
  private static boolean isMidnightSuffix(String s, int i, int to) {
    if (i == to) {
      return true;
    }
    if (s.charAt(i) != ' ' && s.charAt(i) != 'T') {
      return false;
    }
    int h = zerosEnd(s, i + 1, to);
    if (h - (i + 1) < 1 || h - (i + 1) > 2 || h == to || s.charAt(h) != ':') {
      return false;
    }
    int m = zerosEnd(s, h + 1, to);
    if (m - (h + 1) != 2) {
      return false;
    }
    if (m < to && s.charAt(m) == ':') {
      m = zerosEnd(s, m + 1, to);
      if (m - (h + 4) != 2) {
        return false;
      }
    }
    if (m < to && s.charAt(m) == '.') {
      int f = zerosEnd(s, m + 1, to);
      m = f > m + 1 ? f : -1;
    }
    return m == to;
  }

  private static int pack(DateForm form, int year, int month, int day) {
    if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
      return -1;
    }
    return form.ordinal() * FORM_FACTOR + year * 10_000 + month * 100 + day;
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static int digitsEnd(String s, int i, int to) {
    while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static int zerosEnd(String s, int i, int to) {
    while (i < to && s.charAt(i) == '0') {
      i++;
    }
    return i;
  }

  /** Value of a run of at most 4 digits (longer runs give an impossible value). */
  private static int number(String s, int from, int to) {
    if (to - from > 4 || to == from) {
      return -1;
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }
}
