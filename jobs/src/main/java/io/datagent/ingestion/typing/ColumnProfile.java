package io.datagent.ingestion.typing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Mergeable evidence about the raw text of one column, from which {@link #decide()} picks its serving type.
 *
 * <p>Built per Spark partition with {@link #add} and combined with {@link #merge}; keeps counters only, so its size
 * does not depend on the number of rows. Null tokens (blank, {@code -}, {@code s/d}, {@code n/a}, {@code null}…) are
 * not evidence. {@code decide()}:
 * <ul>
 *   <li>no non-null value → TEXT; any code with leading zeros ({@code 007}, {@code 02250}) rules out numbers;</li>
 *   <li>a kind is chosen when all non-null values fit it, or at least 98 % of them when there are at least 20 (the
 *       rest fail conversion and are quarantined); otherwise TEXT;</li>
 *   <li>DATE is tried first; Excel serials (3654..80000) are dates only for spreadsheet columns whose
 *       header has a date word (fecha, mes, día, periodo, date, month);</li>
 *   <li>numbers: see {@link NumberEvidence} for the decimal-separator vote; DECIMAL when a value has a fraction,
 *       scale = most fractional digits seen;</li>
 *   <li>BOOLEAN when values are sí/si/no, s/n, verdadero/falso, true/false using at most two distinct tokens.</li>
 * </ul>
 */
public final class ColumnProfile implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String originalHeader;
  private final boolean fromSpreadsheet;
  private final boolean serialAllowed;
  private final NumberEvidence numbers = new NumberEvidence();
  private final long[] dateForms = new long[DateForm.values().length]; // EXCEL_SERIAL slot counts plausible serials
  private long nonBlank;
  private long booleans;
  private int booleanTokens; // bit i set when Tokens.BOOLEANS[i] was seen

  public ColumnProfile(String originalHeader, boolean fromSpreadsheet) {
    this.originalHeader = originalHeader;
    this.fromSpreadsheet = fromSpreadsheet;
    this.serialAllowed = fromSpreadsheet && originalHeader != null && Dates.isDateHeader(originalHeader);
  }

  /** Adds one raw cell (null is blank). */
  public void add(String rawValue) {
    if (rawValue == null) {
      return;
    }
    int from = Tokens.trimStart(rawValue);
    int to = Tokens.trimEnd(rawValue, from);
    if (Tokens.isNullToken(rawValue, from, to)) {
      return;
    }
    nonBlank++;
    char first = rawValue.charAt(from);
    boolean digit = first >= '0' && first <= '9';
    if (digit || first == '-' || first == '+' || first == '.' || first == ',') {
      int code = NumberShape.classify(rawValue, from, to);
      if (NumberShape.shape(code) != NumberShape.INVALID) {
        if ((code & NumberShape.TOO_BIG) == 0) {
          numbers.add(code);
        }
        if (serialAllowed && code == NumberShape.INT_PLAIN
            && Dates.isPlausibleSerial(NumberShape.smallPlainValue(rawValue, from, to))) {
          dateForms[DateForm.EXCEL_SERIAL.ordinal()]++;
        }
        return;
      }
    } else {
      int token = Tokens.booleanToken(rawValue, from, to);
      if (token >= 0) {
        booleans++;
        booleanTokens |= 1 << token;
        return;
      }
    }
    int date = Dates.parseText(rawValue, from, to);
    if (date >= 0) {
      dateForms[Dates.form(date).ordinal()]++;
    }
  }

  /** Adds {@code other}'s evidence into this profile and returns this (associative, for Spark aggregation). */
  public ColumnProfile merge(ColumnProfile other) {
    numbers.merge(other.numbers);
    for (int i = 0; i < dateForms.length; i++) {
      dateForms[i] += other.dateForms[i];
    }
    nonBlank += other.nonBlank;
    booleans += other.booleans;
    booleanTokens |= other.booleanTokens;
    return this;
  }

  /** The serving type for this column; see the class contract. */
  public ColumnType decide() {
    if (nonBlank == 0) {
      return ColumnType.TEXT;
    }
    NumberEvidence.Verdict number = numbers.verdict();
    long dateFit = 0;
    for (long n : dateForms) {
      dateFit += n;
    }
    long booleanFit = Integer.bitCount(booleanTokens) <= 2 ? booleans : 0;
    // Date, number and boolean values are disjoint except Excel serials, so at most one kind passes unless the
    // column holds serials; then DATE wins (a stray small integer in a serial date column is quarantined).
    if (accepts(dateFit)) {
      return ColumnType.date(dateStyle());
    }
    if (accepts(number.fit())) {
      return number.fractional() ? ColumnType.decimal(number.scale(), number.style()) : ColumnType.integer(number.style());
    }
    return accepts(booleanFit) ? ColumnType.BOOLEAN : ColumnType.TEXT;
  }

  private boolean accepts(long fit) {
    return fit > 0 && (fit == nonBlank || (nonBlank >= 20 && fit * 100 >= 98 * nonBlank));
  }

  /** How this column writes numbers (also when it is not numeric), for appending to an existing table. */
  public NumberStyle numberStyle() {
    return numbers.verdict().style();
  }

  /** The date forms seen, most frequent first; Excel serials only when allowed for this column. */
  public DateStyle dateStyle() {
    List<DateForm> forms = new ArrayList<>();
    for (DateForm f : DateForm.values()) {
      if (dateForms[f.ordinal()] > 0) {
        forms.add(f);
      }
    }
    forms.sort(Comparator.comparingLong((DateForm f) -> -dateForms[f.ordinal()]));
    return new DateStyle(forms);
  }

  /** Values that were neither blank nor a null token. */
  public long nonBlank() {
    return nonBlank;
  }

  public String originalHeader() {
    return originalHeader;
  }

  public boolean fromSpreadsheet() {
    return fromSpreadsheet;
  }
}
