package io.datagent.ingestion.typing;

/**
 * A raw value that cannot be converted to its column's type; the message is a short Spanish reason for business
 * users that quotes the value (cut to 60 characters), e.g. {@code '12,3x' no es un número decimal}.
 *
 * <p>NOTE: no stack trace is captured; these are expected outcomes (the row goes to quarantine), not bugs.
 */
public final class ConversionException extends Exception {

  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_CHARS = 60;

  public ConversionException(String reason) {
    super(reason, null, false, false);
  }

  /** The Spanish reason, under 200 characters. */
  public String reason() {
    return getMessage();
  }

  static ConversionException notInteger(String value) {
    return new ConversionException(quote(value) + " no es un número entero");
  }

  static ConversionException integerTooBig(String value) {
    return new ConversionException(quote(value) + " es demasiado grande para un número entero");
  }

  /** {@code expected} is an example in the column's style, shown only when the value is a number written otherwise. */
  static ConversionException notDecimal(String value, String expected) {
    return new ConversionException(quote(value) + " no es un número decimal"
        + (expected == null ? "" : " (se esperaba el formato " + expected + ")"));
  }

  static ConversionException tooManyDecimals(String value, int digits, int scale) {
    String has = digits == 1 ? "1 decimal" : digits + " decimales";
    String allows = scale == 0 ? "la columna no admite decimales" : "la columna admite " + scale;
    return new ConversionException(quote(value) + " tiene " + has + "; " + allows);
  }

  static ConversionException tooManyDigits(String value) {
    return new ConversionException(quote(value) + " tiene demasiados dígitos (máximo 38)");
  }

  static ConversionException notDate(String value, String expectedPattern) {
    return new ConversionException(quote(value) + " no es una fecha válida (se esperaba " + expectedPattern + ")");
  }

  static ConversionException notBoolean(String value) {
    return new ConversionException(quote(value) + " no es un valor sí/no");
  }

  private static String quote(String value) {
    String v = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value;
    return "'" + v + "'";
  }
}
