package io.datagent.agent.semantic;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the times of a question: "el 15 de julio de 2023", "julio de 2023", "en 2024", "ene-22", "de marzo",
 * "el 31 de julio", and pairs joined by "entre … y …", "desde … hasta …", "del … al …" (a bare first day or a
 * month without year takes the second one's month and year: "entre el 1 y el 31 de enero de 2023").
 */
final class TimeParser {

  /** One time found, with the tokens it used ({@code start}..{@code end} inclusive). */
  record Found(TimeSpec spec, int start, int end) {}

  /** The times found and whether the first two form a pair ("entre A y B"). */
  record Times(List<Found> found, boolean paired, Set<Integer> connectors, boolean against) {
    Times(List<Found> found, boolean paired, Set<Integer> connectors) {
      this(found, paired, connectors, false);
    }

    Set<Integer> consumed() {
      Set<Integer> out = new java.util.HashSet<>(connectors);
      for (Found f : found) {
        for (int i = f.start(); i <= f.end(); i++) {
          out.add(i);
        }
      }
      return out;
    }
  }

  /** A date, month or year; {@code span} months from {@code month} for a quarter or semester ("primer trimestre"). */
  private record Point(Integer year, Integer month, Integer day, int start, int end, int span) {
    Point(Integer year, Integer month, Integer day, int start, int end) {
      this(year, month, day, start, end, 0);
    }
  }

  /** Periods of several months: "trimestre" is 3. */
  private static final java.util.Map<String, Integer> PERIODS = java.util.Map.of("trimestre", 3, "semestre", 6,
      "cuatrimestre", 4, "bimestre", 2);
  /** Spanish ordinals up to the fourth, as words and abbreviations ("1er", "2do", "3°" are split by the tokenizer). */
  private static final java.util.Map<String, Integer> ORDINALS = java.util.Map.ofEntries(java.util.Map.entry("primer", 1),
      java.util.Map.entry("primero", 1), java.util.Map.entry("segundo", 2), java.util.Map.entry("tercer", 3),
      java.util.Map.entry("tercero", 3), java.util.Map.entry("cuarto", 4), java.util.Map.entry("quinto", 5),
      java.util.Map.entry("sexto", 6));

  private TimeParser() {}

  static Times parse(List<Token> t) {
    List<Point> points = new ArrayList<>();
    int i = 0;
    while (i < t.size()) {
      Point p = point(t, i);
      if (p != null) {
        points.add(p);
        i = p.end() + 1;
      } else {
        i++;
      }
    }
    boolean paired = false;
    Set<Integer> connectors = new java.util.HashSet<>();
    if (points.size() >= 2 && joined(t, points.get(0), points.get(1))) {
      paired = true;
      for (int k = points.get(0).end() + 1; k < points.get(1).start(); k++) {
        connectors.add(k);
      }
      for (int k = points.get(0).start() - 1; k >= 0 && t.get(k).is("entre", "desde", "de", "del", "el", "la"); k--) {
        connectors.add(k);
        if (t.get(k).is("entre", "desde", "de", "del")) {
          break;
        }
      }
      Point a = points.get(0);
      Point b = points.get(1);
      Integer month = a.month() == null && a.day() != null ? b.month() : a.month();
      Integer year = a.year() == null ? (b.year() != null && (month == null || b.month() == null || month <= b.month())
          ? b.year() : b.year() == null ? null : b.year() - 1) : a.year();
      points.set(0, new Point(year, month, a.day(), a.start(), a.end(), a.span()));
    }
    boolean against = false;
    if (!paired && points.size() >= 2 && against(t, points.get(0), points.get(1), connectors)) {
      // "el 31 de julio de 2023 respecto del 1 de julio": the second time is the base, with the first one's year
      against = true;
      Point a = points.get(0);
      Point b = points.get(1);
      Integer month = b.month() == null && b.day() != null ? a.month() : b.month();
      points.set(1, new Point(b.year() == null ? a.year() : b.year(), month, b.day(), b.start(), b.end(), b.span()));
    }
    List<Found> found = new ArrayList<>();
    for (Point p : points) {
      TimeSpec s = spec(p);
      if (s != null) {
        found.add(new Found(s, p.start(), p.end()));
      }
    }
    return new Times(found, paired && found.size() >= 2, connectors, against && found.size() >= 2);
  }

  private static Point point(List<Token> t, int i) {
    Point period = period(t, i);
    if (period != null) {
      return period;
    }
    Token a = t.get(i);
    Integer dayNum = a.numeric() ? Lexicon.count(a) : null;
    if (dayNum != null && dayNum <= 31) {
      int j = skip(t, i + 1, "de");
      Integer m = j < t.size() ? Lexicon.month(t.get(j).folded(), false) : null;
      if (m != null) {
        int k = skip(t, j + 1, "de", "del");
        Integer y = k < t.size() ? year(t.get(k)) : null;
        return new Point(y, m, dayNum, i, y != null ? k : j);
      }
      // a bare day before "y"/"al" and another day: "entre el 1 y el 31 de enero"
      int k = skip(t, i + 1);
      if (k < t.size() && t.get(k).is("y", "al", "a", "hasta") && i > 0 && t.get(skip(t, i - 1, -1)).is("entre", "del", "desde", "el")) {
        int n = skip(t, k + 1, "el");
        Point next = n < t.size() ? point(t, n) : null;
        if (next != null && next.day() != null) {
          return new Point(null, null, dayNum, i, i);
        }
      }
    }
    Integer m = Lexicon.month(a.folded(), false);
    Integer abbrev = m == null ? Lexicon.month(a.folded(), true) : null;
    if (abbrev != null && i + 2 < t.size() && t.get(i + 1).is("-", "/") && t.get(i + 2).numeric()) {
      Integer y = twoDigitYear(t.get(i + 2));
      if (y != null) {
        return new Point(y, abbrev, null, i, i + 2);
      }
    }
    if (m != null) {
      int k = skip(t, i + 1, "de", "del");
      Integer y = k < t.size() ? year(t.get(k)) : null;
      return new Point(y, m, null, i, y != null ? k : i);
    }
    Integer y = year(a);
    if (y != null) {
      return new Point(y, null, null, i > 0 && t.get(i - 1).is("ano", "anio") ? i - 1 : i, i);
    }
    return null;
  }

  /** "el primer trimestre de 2023", "segundo semestre del año 2024", "1er trimestre 2025", "último trimestre de 2022". */
  private static Point period(List<Token> t, int i) {
    Integer n = ORDINALS.get(t.get(i).folded());
    int j = i + 1;
    if (n == null && t.get(i).numeric() && Lexicon.count(t.get(i)) != null) {
      n = Lexicon.count(t.get(i));
      j = skip(t, j, "er", "ero", "do", "o", "to", "°", "º", "avo");
    }
    boolean last = t.get(i).is("ultimo");
    if ((n == null && !last) || j >= t.size()) {
      return null;
    }
    Integer size = PERIODS.get(t.get(j).stem());
    if (size == null || (n != null && (n < 1 || n * size > 12))) {
      return null;
    }
    int k = skip(t, j + 1, "de", "del", "ano", "anio");
    Integer y = k < t.size() ? year(t.get(k)) : null;
    if (y == null) {
      return null; // a quarter of which year? the words stay unread and the question is declined
    }
    int index = last ? 12 / size : n;
    return new Point(y, (index - 1) * size + 1, null, i, k, size);
  }

  /** "A respecto de B", "A frente a B", "A comparado con B", "A contra B": B is what A is compared with. */
  private static boolean against(List<Token> t, Point a, Point b, Set<Integer> connectors) {
    boolean word = false;
    for (int k = a.end() + 1; k < b.start(); k++) {
      if (t.get(k).is("respecto", "frente", "comparado", "comparada", "contra", "versus", "vs")) {
        word = true;
      } else if (!t.get(k).is("a", "al", "de", "del", "el", "la", "con", "en")) {
        return false;
      }
    }
    if (word) {
      for (int k = a.end() + 1; k < b.start(); k++) {
        connectors.add(k);
      }
    }
    return word;
  }

  private static boolean joined(List<Token> t, Point a, Point b) {
    int k = a.end() + 1;
    while (k < b.start() && t.get(k).is("el", "de", "del", "la")) {
      k++;
    }
    if (k >= b.start() || !t.get(k).is("y", "a", "al", "hasta", "-")) {
      return false;
    }
    for (int j = k + 1; j < b.start(); j++) {
      if (!t.get(j).is("el", "de", "del", "la", "fines", "fin")) {
        return false;
      }
    }
    int before = a.start() - 1;
    while (before >= 0 && t.get(before).is("el", "la")) {
      before--;
    }
    return before >= 0 && t.get(before).is("entre", "desde", "de", "del");
  }

  private static TimeSpec spec(Point p) {
    if (p.span() > 0) {
      YearMonth ym = YearMonth.of(p.year(), p.month());
      String name = switch (p.span()) {
        case 3 -> "trimestre";
        case 6 -> "semestre";
        case 4 -> "cuatrimestre";
        default -> "bimestre";
      };
      String[] ord = {"primer", "segundo", "tercer", "cuarto", "quinto", "sexto"};
      return TimeSpec.range(ym.atDay(1), ym.plusMonths(p.span()).atDay(1),
          "el " + ord[(p.month() - 1) / p.span()] + " " + name + " de " + p.year());
    }
    if (p.year() != null && p.month() != null && p.day() != null) {
      LocalDate d;
      try {
        d = LocalDate.of(p.year(), p.month(), p.day());
      } catch (java.time.DateTimeException e) {
        return null;
      }
      return TimeSpec.range(d, d.plusDays(1), p.day() + " de " + Lexicon.monthName(p.month()) + " de " + p.year());
    }
    if (p.year() != null && p.month() != null) {
      YearMonth ym = YearMonth.of(p.year(), p.month());
      return TimeSpec.range(ym.atDay(1), ym.plusMonths(1).atDay(1), Lexicon.monthName(p.month()) + " de " + p.year());
    }
    if (p.year() != null) {
      return TimeSpec.range(LocalDate.of(p.year(), 1, 1), LocalDate.of(p.year() + 1, 1, 1), "el año " + p.year());
    }
    if (p.month() != null) {
      String label = (p.day() != null ? p.day() + " de " : "") + Lexicon.monthName(p.month()) + " (de cualquier año)";
      return new TimeSpec(null, null, p.month(), p.day(), label);
    }
    return null;
  }

  private static Integer year(Token t) {
    if (!t.numeric() || t.raw().length() != 4 || !t.raw().chars().allMatch(Character::isDigit)) {
      return null;
    }
    int y = Integer.parseInt(t.raw());
    return y >= 1900 && y <= 2100 ? y : null;
  }

  private static Integer twoDigitYear(Token t) {
    if (t.raw().length() == 2 && t.raw().chars().allMatch(Character::isDigit)) {
      return 2000 + Integer.parseInt(t.raw());
    }
    return year(t);
  }

  /** The first index from {@code i} whose token is not one of {@code words}. */
  private static int skip(List<Token> t, int i, String... words) {
    while (i < t.size() && t.get(i).is(words)) {
      i++;
    }
    return i;
  }

  /** The first index from {@code i} going down past "el"/"la". */
  private static int skip(List<Token> t, int i, int down) {
    while (i > 0 && t.get(i).is("el", "la")) {
      i--;
    }
    return Math.max(0, i);
  }
}
