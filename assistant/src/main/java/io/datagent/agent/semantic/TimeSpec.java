package io.datagent.agent.semantic;

import java.time.LocalDate;

/**
 * A time the question names: a range of dates ({@code from} inclusive, {@code to} exclusive) or, without a year, a
 * month and/or day of every year ("de marzo", "el 31 de julio").
 *
 * @param label the Spanish words for it ("julio de 2023", "marzo de cualquier año")
 */
record TimeSpec(LocalDate from, LocalDate to, Integer month, Integer day, String label) {

  static TimeSpec range(LocalDate from, LocalDate to, String label) {
    return new TimeSpec(from, to, null, null, label);
  }

  boolean recurring() {
    return from == null;
  }

  /** The range from this one's start to {@code end}'s end ("entre enero de 1993 y abril de 2020"). */
  TimeSpec through(TimeSpec end) {
    return range(from, end.to(), "entre " + label + " y " + end.label());
  }

  /** The SQL condition on a date or timestamp expression. */
  String sql(String column) {
    if (!recurring()) {
      return column + " >= DATE'" + from + "' AND " + column + " < DATE'" + to + "'";
    }
    StringBuilder sb = new StringBuilder();
    if (month != null) {
      sb.append("month(").append(column).append(") = ").append(month);
    }
    if (day != null) {
      sb.append(sb.length() > 0 ? " AND " : "").append("dayofmonth(").append(column).append(") = ").append(day);
    }
    return sb.toString();
  }
}
