package io.datagent.semantic;

import java.util.List;
import java.util.Map;

/**
 * A column to group and filter by: text or code values, a date (grains día / mes / año), or a text column holding
 * months such as {@code ene-22}.
 *
 * @param values the value index: every distinct value (trimmed) of a low-cardinality column, or empty
 * @param codes the meaning of each code value ({@code I → Izquierdo}), or empty
 */
public record Dimension(String name, String column, Kind kind, String displayName, String comment,
    List<String> synonyms, List<String> values, Map<String, String> codes) {

  /** What the column holds. */
  public enum Kind {
    /** Text or codes: provinces, plant names, "Hábil"/"No Hábil". */
    TEXT,
    /** A date or timestamp: grouped by day, month or year. */
    DATE,
    /** Text holding a month and year, like {@code ene-22} or {@code 2022-01}. */
    MONTH_TEXT,
    /** A whole number that identifies rather than measures (a day number, a year, a code). */
    NUMBER
  }

  public Dimension {
    synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    values = values == null ? List.of() : List.copyOf(values);
    codes = codes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codes));
  }

  public boolean temporal() {
    return kind == Kind.DATE || kind == Kind.MONTH_TEXT;
  }

  /** The metric view expression: the quoted column. */
  public String expr() {
    return SqlIdent.quote(column);
  }
}
