package io.datagent.semantic;

import java.util.List;

/**
 * A number the table can answer: a numeric column with its unit and default aggregation, or the row count (null
 * {@code column}, aggregation {@link Aggregation#COUNT}, named after what a row is: "centrales", "días").
 *
 * @param name the measure's identifier (lower snake case)
 * @param column the numeric column it aggregates, or null for the row count
 * @param aggregation the default aggregation ("total" unless the unit is a level such as °C or %)
 * @param unit the unit as written in the header or comment ("MW", "°C", "miles de m3"), or null
 * @param displayName the Spanish label shown to users
 * @param comment the description (the column comment), or null
 * @param synonyms other Spanish names a question may use (original header, comment words)
 */
public record Measure(String name, String column, Aggregation aggregation, String unit, String displayName,
    String comment, List<String> synonyms) {

  public Measure {
    synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
  }

  public boolean rowCount() {
    return column == null;
  }

  /** The metric view expression, e.g. {@code SUM(potencia_instalada_mw)} or {@code COUNT(1)}. */
  public String expr() {
    return aggregation.sql(column == null ? null : SqlIdent.quote(column));
  }
}
