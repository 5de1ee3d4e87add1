package io.datagent.agent.trusted;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a trusted query's parameter: what a captured value must look like and how it becomes a SQL literal.
 *
 * <p>NOTE: literals are built only from validated values. Text may not contain quotes, backslashes or control
 * characters (the guard's lexer refuses doubled quotes, so such a value is refused, never escaped); numbers are
 * re-rendered from their parsed value; dates from the parsed date.
 */
public enum ParamType {
  TEXT, INTEGER, NUMBER, DATE;

  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu");
  static final int MAX_TEXT = 100;

  /** The SQL literal of {@code raw}, or empty when it is not a valid value of this type. */
  public Optional<String> literal(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String v = raw.strip();
    return switch (this) {
      case TEXT -> safeText(v) ? Optional.of("'" + v + "'") : Optional.empty();
      case INTEGER -> v.matches("-?[0-9]{1,18}") ? Optional.of(Long.toString(Long.parseLong(v))) : Optional.empty();
      case NUMBER -> number(v).map(BigDecimal::toPlainString);
      case DATE -> date(v).map(d -> "DATE'" + d + "'");
    };
  }

  /** The Spanish name shown to engineers. */
  public String spanish() {
    return switch (this) {
      case TEXT -> "texto";
      case INTEGER -> "entero";
      case NUMBER -> "número";
      case DATE -> "fecha";
    };
  }

  /** The type named {@code name} ({@code text}, {@code texto}, {@code integer}, {@code fecha}…), case-insensitive. */
  public static Optional<ParamType> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = io.datagent.text.Folding.fold(name.strip());
    for (ParamType t : values()) {
      if (t.name().toLowerCase(Locale.ROOT).equals(n) || io.datagent.text.Folding.fold(t.spanish()).equals(n)) {
        return Optional.of(t);
      }
    }
    return switch (n) {
      case "string" -> Optional.of(TEXT);
      case "int", "long", "bigint" -> Optional.of(INTEGER);
      case "decimal", "double" -> Optional.of(NUMBER);
      default -> Optional.empty();
    };
  }

  static boolean safeText(String v) {
    if (v.length() > MAX_TEXT) {
      return false;
    }
    return v.codePoints().allMatch(c -> c != '\'' && c != '\\' && c != '"' && c != '`' && c != '$'
        && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
        && (Character.isLetterOrDigit(c) || " .,-_/()&ºª%".indexOf(c) >= 0));
  }

  private static Optional<BigDecimal> number(String v) {
    String n = v.matches("-?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?") ? v.replace(".", "").replace(',', '.')
        : v.matches("-?[0-9]+,[0-9]+") ? v.replace(',', '.') : v;
    if (!n.matches("-?[0-9]{1,18}(\\.[0-9]{1,10})?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(n));
  }

  private static Optional<LocalDate> date(String v) {
    try {
      return Optional.of(v.contains("/") ? LocalDate.parse(v, DMY) : LocalDate.parse(v));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
