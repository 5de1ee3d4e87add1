package io.datagent.ingestion.typing;

import java.io.Serializable;

/**
 * How a column writes numbers: its decimal separator ({@code '.'} or {@code ','}) and its thousands grouping
 * separator ({@code ','}, {@code '.'}, {@code ' '} or {@link #NONE}).
 *
 * <p>NOTE: when parsing, grouping by spaces (also no-break spaces) in groups of three digits is always accepted,
 * whatever {@link #groupingSeparator()} says, because a space can never be a decimal separator.
 */
public record NumberStyle(char decimalSeparator, char groupingSeparator) implements Serializable {

  /** No grouping separator. */
  public static final char NONE = '\0';
  /** {@code 1284.3}. */
  public static final NumberStyle DOT = new NumberStyle('.', NONE);
  /** {@code 25,5}. */
  public static final NumberStyle COMMA = new NumberStyle(',', NONE);

  public NumberStyle {
    if (decimalSeparator != '.' && decimalSeparator != ',') {
      throw new IllegalArgumentException("decimal separator must be '.' or ',', got '" + decimalSeparator + "'");
    }
    if (groupingSeparator == decimalSeparator
        || (groupingSeparator != NONE && groupingSeparator != ' ' && groupingSeparator != '.' && groupingSeparator != ',')) {
      throw new IllegalArgumentException("bad grouping separator '" + groupingSeparator + "' for decimal '"
          + decimalSeparator + "'");
    }
  }

  /** The separator that could be mistaken for the decimal one: {@code ','} for dot-decimal, {@code '.'} otherwise. */
  public char otherSeparator() {
    return decimalSeparator == '.' ? ',' : '.';
  }

  /** How a user should write a number in this style, for messages: {@code 1.234,56}, {@code 1234.56}… */
  public String example() {
    String grouped = groupingSeparator == NONE ? "1234" : "1" + groupingSeparator + "234";
    return grouped + decimalSeparator + "56";
  }
}
