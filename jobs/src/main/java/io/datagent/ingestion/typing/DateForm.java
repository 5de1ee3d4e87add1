package io.datagent.ingestion.typing;

/** One way of writing a date that the typing step understands; day always comes before month. */
public enum DateForm {
  /** {@code 1/1/2022}, {@code 01/12/2022}. */
  DAY_MONTH_YEAR_SLASH("d/m/aaaa"),
  /** {@code 01-12-2022}. */
  DAY_MONTH_YEAR_DASH("d-m-aaaa"),
  /** {@code 2016-05-01}, optionally followed by a midnight time ({@code 2016-05-01 00:00:00}); also {@code 2016/05/01}. */
  ISO("aaaa-mm-dd"),
  /** A Spanish month and year meaning its first day: {@code ene-22}, {@code Ene/1993}, {@code enero 2020}, {@code dic.-22}. */
  MONTH_LABEL("mes-aa, p. ej. ene-22"),
  /**
   * A statistics-office month meaning its first day: {@code 2025M05} (INE, Eurostat and most regional institutes
   * publish monthly series so).
   */
  YEAR_M_MONTH("aaaaMmm, p. ej. 2025M05"),
  /** An Excel serial day number (days since 1899-12-30); only for spreadsheet columns with a date word in the header. */
  EXCEL_SERIAL("fecha de Excel");

  private final String spanishPattern;

  DateForm(String spanishPattern) {
    this.spanishPattern = spanishPattern;
  }

  /** The pattern as shown to business users in conversion messages. */
  public String spanishPattern() {
    return spanishPattern;
  }
}
