package io.datagent.ingestion.typing;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Converts the raw text of one column to its serving value, or says in Spanish why it cannot.
 *
 * <p>{@link #convert} returns null for null tokens (whatever the kind), {@code Long} for INTEGER, {@link BigDecimal}
 * with exactly {@code scale} fractional digits for DECIMAL, {@link java.time.LocalDate} for DATE, {@code Boolean},
 * and the trimmed {@code String} for TEXT. It never rounds: more non-zero fractional digits than the scale fail
 * (trailing zeros beyond it are dropped), and an INTEGER never accepts a decimal separator ({@code 25.0} fails).
 * Failures are cheap {@link ConversionException}s; the caller quarantines the row.
 */
public final class ValueConverter implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int MAX_PRECISION = 38;

  private final ColumnType type;

  public ValueConverter(ColumnType type) {
    this.type = type;
  }

  /**
   * Converter for a column appended to an existing table: kind and scale come from the table's Spark SQL type
   * ({@code decimal(38,2)}, {@code bigint}…; see {@link ColumnType#kindOfSql}), number and date styles from the new
   * batch's profile (a later file may use a decimal comma). A null profile means default styles.
   */
  public static ValueConverter forExistingColumn(String sparkSqlType, ColumnProfile newBatchProfile) {
    Kind kind = ColumnType.kindOfSql(sparkSqlType);
    int scale = kind == Kind.DECIMAL ? ColumnType.scaleOfSql(sparkSqlType) : 0;
    NumberStyle numbers = newBatchProfile == null ? NumberStyle.DOT : newBatchProfile.numberStyle();
    DateStyle dates = newBatchProfile == null ? DateStyle.TEXTUAL : newBatchProfile.dateStyle();
    return new ValueConverter(new ColumnType(kind, scale, numbers, dates));
  }

  public ColumnType type() {
    return type;
  }

  /** The serving value of {@code raw}; see the class contract. */
  public Object convert(String raw) throws ConversionException {
    if (raw == null) {
      return null;
    }
    int from = Tokens.trimStart(raw);
    int to = Tokens.trimEnd(raw, from);
    if (Tokens.isNullToken(raw, from, to)) {
      return null;
    }
    return switch (type.kind()) {
      case TEXT -> raw.substring(from, to);
      case INTEGER -> toLong(raw, from, to);
      case DECIMAL -> toDecimal(raw, from, to);
      case DATE -> toDate(raw, from, to);
      case BOOLEAN -> toBoolean(raw, from, to);
    };
  }

  private Long toLong(String raw, int from, int to) throws ConversionException {
    int code = NumberShape.classify(raw, from, to);
    if (NumberShape.decimalChar(NumberShape.shape(code), type.numberStyle()) != 0) {
      throw ConversionException.notInteger(raw.substring(from, to));
    }
    if ((code & NumberShape.TOO_BIG) != 0) {
      throw ConversionException.integerTooBig(raw.substring(from, to));
    }
    return NumberShape.toLong(raw, from, to);
  }

  private BigDecimal toDecimal(String raw, int from, int to) throws ConversionException {
    int code = NumberShape.classify(raw, from, to);
    int shape = NumberShape.shape(code);
    char decimalChar = NumberShape.decimalChar(shape, type.numberStyle());
    if (decimalChar == NumberShape.REJECT) {
      String expected = shape == NumberShape.INVALID ? null : type.numberStyle().example();
      throw ConversionException.notDecimal(raw.substring(from, to), expected);
    }
    BigDecimal value = NumberShape.toDecimal(raw, from, to, decimalChar);
    int scale = type.scale();
    if (value.scale() > scale) {
      BigDecimal stripped = value.stripTrailingZeros();
      if (stripped.scale() > scale) {
        throw ConversionException.tooManyDecimals(raw.substring(from, to), value.scale(), scale);
      }
      value = stripped;
    }
    value = value.setScale(scale); // exact: only adds zeros here
    if (value.precision() > MAX_PRECISION) {
      throw ConversionException.tooManyDigits(raw.substring(from, to));
    }
    return value;
  }

  private Object toDate(String raw, int from, int to) throws ConversionException {
    int packed = Dates.parseText(raw, from, to);
    if (packed >= 0) {
      return Dates.toLocalDate(packed);
    }
    if (type.dateStyle().allowsSerial()) {
      int serial = NumberShape.smallPlainValue(raw, from, to);
      if (Dates.isPlausibleSerial(serial)) {
        return Dates.EXCEL_EPOCH.plusDays(serial);
      }
    }
    throw ConversionException.notDate(raw.substring(from, to), type.dateStyle().primary().spanishPattern());
  }

  private Boolean toBoolean(String raw, int from, int to) throws ConversionException {
    int token = Tokens.booleanToken(raw, from, to);
    if (token < 0) {
      throw ConversionException.notBoolean(raw.substring(from, to));
    }
    return Tokens.booleanValue(token);
  }
}
