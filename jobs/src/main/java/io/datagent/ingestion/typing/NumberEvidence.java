package io.datagent.ingestion.typing;

import static io.datagent.ingestion.typing.NumberShape.AMBIG_COMMA3;
import static io.datagent.ingestion.typing.NumberShape.AMBIG_DOT3;
import static io.datagent.ingestion.typing.NumberShape.DEC_COMMA;
import static io.datagent.ingestion.typing.NumberShape.DEC_COMMA_GROUP_DOT;
import static io.datagent.ingestion.typing.NumberShape.DEC_COMMA_GROUP_SPACE;
import static io.datagent.ingestion.typing.NumberShape.DEC_DOT;
import static io.datagent.ingestion.typing.NumberShape.DEC_DOT_GROUP_COMMA;
import static io.datagent.ingestion.typing.NumberShape.DEC_DOT_GROUP_SPACE;
import static io.datagent.ingestion.typing.NumberShape.INT_GROUP_COMMA;
import static io.datagent.ingestion.typing.NumberShape.INT_GROUP_DOT;
import static io.datagent.ingestion.typing.NumberShape.INT_GROUP_SPACE;
import static io.datagent.ingestion.typing.NumberShape.INT_PLAIN;

import java.io.Serializable;

/**
 * Mergeable counts of the number shapes seen in one column, and the per-column reading of them.
 *
 * <p>Decimal separator: the side with more unambiguous evidence wins ({@code 25,5} {@code 1.234,56}
 * {@code 1.234.567} vote comma; {@code 1284.3} {@code 1,234.56} {@code 1,234,567} vote dot). Without any, the more
 * frequent ambiguous form decides ({@code 1.234} → dot decimal, {@code 1,234} → comma decimal), except that many
 * such values beside plain integers ({@code 823}, {@code 1.706}, {@code 13.229}) are whole numbers grouped by
 * thousands; a real tie goes to the Spanish decimal comma. The other separator is then grouping when some value uses it so.
 */
final class NumberEvidence implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Values of one lone three-digit group, beside plain integers, that make the separator a grouping. */
  private static final int MANY_GROUPED = 5;

  /** What the column's numbers mean under the chosen style; {@code fit} counts the values readable in it. */
  record Verdict(NumberStyle style, long fit, boolean fractional, int scale) {}

  private final long[] shapes = new long[NumberShape.SHAPES];
  private int maxFractionDot;
  private int maxFractionComma;
  private long leadingZeros;

  /** Records one classified value that is neither {@link NumberShape#INVALID} nor {@link NumberShape#TOO_BIG}. */
  void add(int code) {
    if ((code & NumberShape.LEADING_ZERO) != 0) {
      leadingZeros++;
      return;
    }
    int shape = NumberShape.shape(code);
    shapes[shape]++;
    if (shape >= DEC_DOT && shape <= DEC_DOT_GROUP_SPACE) {
      maxFractionDot = Math.max(maxFractionDot, NumberShape.fraction(code));
    } else if (shape >= DEC_COMMA && shape <= DEC_COMMA_GROUP_SPACE) {
      maxFractionComma = Math.max(maxFractionComma, NumberShape.fraction(code));
    }
  }

  void merge(NumberEvidence o) {
    for (int i = 0; i < shapes.length; i++) {
      shapes[i] += o.shapes[i];
    }
    maxFractionDot = Math.max(maxFractionDot, o.maxFractionDot);
    maxFractionComma = Math.max(maxFractionComma, o.maxFractionComma);
    leadingZeros += o.leadingZeros;
  }

  /** The reading of this column; {@code fit} is 0 when a code with leading zeros was seen (the column is text). */
  Verdict verdict() {
    boolean dot = decimalIsDot();
    long[] c = shapes;
    long fractional = dot ? c[DEC_DOT] + c[DEC_DOT_GROUP_COMMA] + c[DEC_DOT_GROUP_SPACE] + c[AMBIG_DOT3]
        : c[DEC_COMMA] + c[DEC_COMMA_GROUP_DOT] + c[DEC_COMMA_GROUP_SPACE] + c[AMBIG_COMMA3];
    long otherGrouping = dot ? c[INT_GROUP_COMMA] + c[DEC_DOT_GROUP_COMMA] + c[AMBIG_COMMA3]
        : c[INT_GROUP_DOT] + c[DEC_COMMA_GROUP_DOT] + c[AMBIG_DOT3];
    long spaceGrouping = c[INT_GROUP_SPACE] + (dot ? c[DEC_DOT_GROUP_SPACE] : c[DEC_COMMA_GROUP_SPACE]);
    char grouping = otherGrouping > 0 ? (dot ? ',' : '.') : spaceGrouping > 0 ? ' ' : NumberStyle.NONE;
    long fit = c[INT_PLAIN] + c[INT_GROUP_SPACE] + c[AMBIG_DOT3] + c[AMBIG_COMMA3] + (dot
        ? c[INT_GROUP_COMMA] + c[DEC_DOT] + c[DEC_DOT_GROUP_COMMA] + c[DEC_DOT_GROUP_SPACE]
        : c[INT_GROUP_DOT] + c[DEC_COMMA] + c[DEC_COMMA_GROUP_DOT] + c[DEC_COMMA_GROUP_SPACE]);
    int scale = Math.max(dot ? maxFractionDot : maxFractionComma,
        (dot ? c[AMBIG_DOT3] : c[AMBIG_COMMA3]) > 0 ? 3 : 0);
    NumberStyle style = new NumberStyle(dot ? '.' : ',', grouping);
    return new Verdict(style, leadingZeros > 0 ? 0 : fit, fractional > 0, Math.min(scale, ColumnType.MAX_SCALE));
  }

  private boolean decimalIsDot() {
    long[] c = shapes;
    long dotVotes = c[DEC_DOT] + c[DEC_DOT_GROUP_COMMA] + c[DEC_DOT_GROUP_SPACE] + c[INT_GROUP_COMMA];
    long commaVotes = c[DEC_COMMA] + c[DEC_COMMA_GROUP_DOT] + c[DEC_COMMA_GROUP_SPACE] + c[INT_GROUP_DOT];
    if (dotVotes != commaVotes) {
      return dotVotes > commaVotes;
    }
    // 823 beside many 1.706 and 13.229 (never 1.5): a column of whole numbers grouped by thousands (INE, Spanish
    // exports); a dot decimal would not give every fractional value exactly three digits. The same for 1,706.
    if (c[INT_PLAIN] > 0 && c[AMBIG_DOT3] >= MANY_GROUPED && c[AMBIG_COMMA3] == 0) {
      return false;
    }
    if (c[INT_PLAIN] > 0 && c[AMBIG_COMMA3] >= MANY_GROUPED && c[AMBIG_DOT3] == 0) {
      return true;
    }
    if (c[AMBIG_DOT3] != c[AMBIG_COMMA3]) {
      return c[AMBIG_DOT3] > c[AMBIG_COMMA3];
    }
    return dotVotes == 0 && c[AMBIG_DOT3] == 0; // nothing but integers: dot; a real tie: Spanish decimal comma
  }
}
