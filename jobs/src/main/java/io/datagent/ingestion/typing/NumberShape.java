package io.datagent.ingestion.typing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One-pass, allocation-free lexer telling how a trimmed cell writes a number, shared by the profile (which counts
 * shapes) and the converter (which reads the value under the column's {@link NumberStyle}).
 *
 * <p>{@link #classify} returns a packed code: shape in bits 0-3, fractional digits in bits 4-9 (capped at 63),
 * {@link #TOO_BIG} and {@link #LEADING_ZERO} flags. Grouped forms need a first group of 1-3 digits not starting with
 * 0 and later groups of exactly 3; a single {@code .} or {@code ,} followed by exactly 3 digits ({@code 1.234}) is
 * {@code AMBIG_*}: grouping or decimal, decided per column.
 */
final class NumberShape {

  static final int INT_PLAIN = 0;
  static final int INT_GROUP_DOT = 1; // 1.234.567
  static final int INT_GROUP_COMMA = 2; // 1,234,567
  static final int INT_GROUP_SPACE = 3; // 1 234 567
  static final int DEC_DOT = 4; // 1284.3
  static final int DEC_DOT_GROUP_COMMA = 5; // 1,234.56
  static final int DEC_DOT_GROUP_SPACE = 6; // 1 234.56
  static final int DEC_COMMA = 7; // 25,5
  static final int DEC_COMMA_GROUP_DOT = 8; // 1.234,56
  static final int DEC_COMMA_GROUP_SPACE = 9; // 1 234,56
  static final int AMBIG_DOT3 = 10; // 1.234
  static final int AMBIG_COMMA3 = 11; // 1,234
  static final int SHAPES = 12;
  static final int INVALID = 15;

  /** Does not fit: an integer beyond {@code long}, more than 20 integer or {@value ColumnType#MAX_SCALE} fractional digits. */
  static final int TOO_BIG = 1 << 10;
  /** A code such as {@code 007} or {@code 02250}: more than one digit before any separator, the first being 0. */
  static final int LEADING_ZERO = 1 << 11;

  /** {@link #decimalChar} answer when the shape cannot be read in the style. */
  static final char REJECT = '\uFFFF';

  private NumberShape() {}

  static int shape(int code) {
    return code & 0xF;
  }

  static int fraction(int code) {
    return (code >>> 4) & 0x3F;
  }

  static int classify(String s, int from, int to) {
    int i = from;
    if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    char firstDigit = 0;
    char firstSep = 0;
    char lastSep = 0;
    int digits = 0;
    int run = 0;
    int firstRun = 0;
    int seps = 0;
    int firstSepCount = 0;
    boolean interiorGroupsOk = true;
    boolean overflow = false;
    long acc = 0;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits++ == 0) {
          firstDigit = c;
        }
        run++;
        int d = c - '0';
        if (acc > (Long.MAX_VALUE - d) / 10) {
          overflow = true;
        } else {
          acc = acc * 10 + d;
        }
        continue;
      }
      char sep = c == '.' || c == ',' ? c : Tokens.isSpace(c) ? ' ' : 0;
      if (sep == 0 || (run == 0 && seps > 0)) {
        return INVALID; // not a number character, or two separators in a row
      }
      if (seps == 0) {
        firstRun = run;
        firstSep = sep;
      } else if (run != 3) {
        interiorGroupsOk = false;
      }
      if (sep == firstSep) {
        firstSepCount++;
      }
      lastSep = sep;
      seps++;
      run = 0;
    }
    if (digits == 0 || run == 0) {
      return INVALID; // no digits, or a trailing separator
    }
    boolean leadingZero = firstDigit == '0' && (seps == 0 ? digits > 1 : firstRun > 1);
    int flags = leadingZero ? LEADING_ZERO : 0;
    if (seps == 0) {
      return INT_PLAIN | flags | (overflow ? TOO_BIG : 0);
    }
    boolean groupsOk = firstRun >= 1 && firstRun <= 3 && firstDigit != '0' && interiorGroupsOk;
    if (seps == 1) {
      if (firstSep == ' ') {
        return groupsOk && run == 3 ? INT_GROUP_SPACE | (overflow ? TOO_BIG : 0) : INVALID;
      }
      if (groupsOk && run == 3) {
        return (firstSep == '.' ? AMBIG_DOT3 : AMBIG_COMMA3) | (3 << 4);
      }
      return decimal(firstSep == '.' ? DEC_DOT : DEC_COMMA, run, digits - run) | flags;
    }
    if (!groupsOk) {
      return INVALID;
    }
    if (firstSepCount == seps) {
      int shape = firstSep == '.' ? INT_GROUP_DOT : firstSep == ',' ? INT_GROUP_COMMA : INT_GROUP_SPACE;
      return run == 3 ? shape | (overflow ? TOO_BIG : 0) : INVALID;
    }
    if (firstSepCount != seps - 1 || lastSep == firstSep || lastSep == ' ') {
      return INVALID; // grouping must be one character, followed by one decimal separator
    }
    int shape = lastSep == '.'
        ? (firstSep == ',' ? DEC_DOT_GROUP_COMMA : DEC_DOT_GROUP_SPACE)
        : (firstSep == '.' ? DEC_COMMA_GROUP_DOT : DEC_COMMA_GROUP_SPACE);
    return decimal(shape, run, digits - run);
  }

  private static int decimal(int shape, int fraction, int integerDigits) {
    boolean tooBig = fraction > ColumnType.MAX_SCALE || integerDigits > 20;
    return shape | (Math.min(fraction, 63) << 4) | (tooBig ? TOO_BIG : 0);
  }

  /** The decimal separator to read {@code shape} with under {@code style}; 0 for an integer reading, or {@link #REJECT}. */
  static char decimalChar(int shape, NumberStyle style) {
    char d = style.decimalSeparator();
    char g = style.groupingSeparator();
    return switch (shape) {
      case INT_PLAIN, INT_GROUP_SPACE -> 0;
      case INT_GROUP_DOT -> g == '.' ? 0 : REJECT;
      case INT_GROUP_COMMA -> g == ',' ? 0 : REJECT;
      case DEC_DOT, DEC_DOT_GROUP_SPACE -> d == '.' ? '.' : REJECT;
      case DEC_DOT_GROUP_COMMA -> d == '.' && g == ',' ? '.' : REJECT;
      case DEC_COMMA, DEC_COMMA_GROUP_SPACE -> d == ',' ? ',' : REJECT;
      case DEC_COMMA_GROUP_DOT -> d == ',' && g == '.' ? ',' : REJECT;
      case AMBIG_DOT3 -> d == '.' ? '.' : g == '.' ? 0 : REJECT;
      case AMBIG_COMMA3 -> d == ',' ? ',' : g == ',' ? 0 : REJECT;
      default -> REJECT;
    };
  }

  /** The value of an integer reading (see {@link #decimalChar}); the caller has checked {@link #TOO_BIG}. */
  static long toLong(String s, int from, int to) {
    long acc = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        acc = acc * 10 + (c - '0');
      }
    }
    return s.charAt(from) == '-' ? -acc : acc;
  }

  /** The value with scale = digits after {@code decimalChar} (0 for none: every separator is grouping). */
  static BigDecimal toDecimal(String s, int from, int to, char decimalChar) {
    long unscaled = 0;
    int digits = 0;
    int fraction = 0;
    boolean inFraction = false;
    StringBuilder big = null;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits++ < 18) {
          unscaled = unscaled * 10 + (c - '0');
        } else {
          big = (big == null ? new StringBuilder().append(unscaled) : big).append(c);
        }
        if (inFraction) {
          fraction++;
        }
      } else if (c == decimalChar) {
        inFraction = true;
      }
    }
    BigDecimal value = big == null ? BigDecimal.valueOf(unscaled, fraction)
        : new BigDecimal(new BigInteger(big.toString()), fraction);
    return s.charAt(from) == '-' ? value.negate() : value;
  }

  /** Small non-negative plain integer (no sign, at most 9 digits) or -1; for Excel serial checks. */
  static int smallPlainValue(String s, int from, int to) {
    if (to - from > 9) {
      return -1;
    }
    int acc = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      acc = acc * 10 + (c - '0');
    }
    return to > from ? acc : -1;
  }
}
