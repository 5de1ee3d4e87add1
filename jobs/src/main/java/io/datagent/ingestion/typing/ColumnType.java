package io.datagent.ingestion.typing;

import java.io.Serializable;
import java.util.Locale;

/**
 * The serving-layer type of one column plus what is needed to read its raw text: the number and date styles.
 *
 * <p>{@code scale} matters only for {@link Kind#DECIMAL} (0..38); styles are never null (defaults: {@link
 * NumberStyle#DOT}, {@link DateStyle#TEXTUAL}).
 */
public record ColumnType(Kind kind, int scale, NumberStyle numberStyle, DateStyle dateStyle) implements Serializable {

  /** Maximum scale the profile picks; values with more fractional digits make a column TEXT. */
  public static final int MAX_SCALE = 18;

  public static final ColumnType TEXT = new ColumnType(Kind.TEXT, 0, NumberStyle.DOT, DateStyle.TEXTUAL);
  public static final ColumnType BOOLEAN = new ColumnType(Kind.BOOLEAN, 0, NumberStyle.DOT, DateStyle.TEXTUAL);

  public ColumnType {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (scale < 0 || scale > 38) {
      throw new IllegalArgumentException("scale must be 0..38, got " + scale);
    }
    numberStyle = numberStyle == null ? NumberStyle.DOT : numberStyle;
    dateStyle = dateStyle == null ? DateStyle.TEXTUAL : dateStyle;
  }

  public static ColumnType integer(NumberStyle style) {
    return new ColumnType(Kind.INTEGER, 0, style, DateStyle.TEXTUAL);
  }

  public static ColumnType decimal(int scale, NumberStyle style) {
    return new ColumnType(Kind.DECIMAL, scale, style, DateStyle.TEXTUAL);
  }

  public static ColumnType date(DateStyle style) {
    return new ColumnType(Kind.DATE, 0, NumberStyle.DOT, style);
  }

  /** Spark SQL type for the serving table: {@code BIGINT}, {@code DECIMAL(38,s)}, {@code DATE}, {@code BOOLEAN}, {@code STRING}. */
  public String sqlType() {
    return switch (kind) {
      case INTEGER -> "BIGINT";
      case DECIMAL -> "DECIMAL(38," + scale + ")";
      case DATE -> "DATE";
      case BOOLEAN -> "BOOLEAN";
      case TEXT -> "STRING";
    };
  }

  /**
   * Kind of a type read back from an existing table ({@code DataType.simpleString()} or DDL, any case):
   * integral types → INTEGER; {@code decimal(p,s)}, {@code double}, {@code float} → DECIMAL; {@code date} and
   * {@code timestamp*} → DATE (NOTE: the caller casts {@code LocalDate} to a timestamp column); {@code boolean} →
   * BOOLEAN; anything else ({@code string}, {@code varchar(n)}, arrays…) → TEXT.
   */
  public static Kind kindOfSql(String sparkSqlTypeName) {
    String t = sparkSqlTypeName == null ? "" : sparkSqlTypeName.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "bigint", "long", "int", "integer", "smallint", "short", "tinyint", "byte" -> Kind.INTEGER;
      case "double", "float", "real" -> Kind.DECIMAL;
      case "date" -> Kind.DATE;
      case "boolean", "bool" -> Kind.BOOLEAN;
      default -> t.startsWith("decimal") || t.startsWith("numeric") || t.startsWith("dec(") ? Kind.DECIMAL
          : t.startsWith("timestamp") ? Kind.DATE : Kind.TEXT;
    };
  }

  /**
   * Scale of a decimal type string: {@code decimal(38,2)} → 2, bare {@code decimal} → 0 (Spark's default
   * {@code decimal(10,0)}); {@link #MAX_SCALE} for {@code double}/{@code float}; 0 for anything else.
   */
  static int scaleOfSql(String sparkSqlTypeName) {
    String t = sparkSqlTypeName == null ? "" : sparkSqlTypeName.trim().toLowerCase(Locale.ROOT);
    if (t.equals("double") || t.equals("float") || t.equals("real")) {
      return MAX_SCALE;
    }
    int comma = t.indexOf(',');
    int close = t.indexOf(')');
    if (kindOfSql(t) != Kind.DECIMAL || comma < 0 || close < comma) {
      return 0;
    }
    try {
      return Integer.parseInt(t.substring(comma + 1, close).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cannot read the scale of SQL type '" + sparkSqlTypeName + "'", e);
    }
  }
}
