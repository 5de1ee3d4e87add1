package io.datagent.ingestion;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One data row of a source unit (file or sheet), as text, aligned to its target table's columns.
 *
 * @param unit    index of the source unit in the run
 * @param row     1-based row number in the source (the line or Excel row a user would look at)
 * @param cells   cell texts in table column order; null where the unit has no such column
 * @param problem why the row cannot be loaded (wrong width), or the fatal reason when {@code fatal}
 * @param rawLine the row as read, kept for quarantine when it cannot be aligned
 * @param fatal   reading the unit stopped here; the unit fails as a whole
 */
public record ParsedRow(int unit, long row, String[] cells, String problem, String rawLine, boolean fatal)
    implements Serializable {

  public static final StructType SCHEMA = new StructType()
      .add("unit", DataTypes.IntegerType, false)
      .add("row", DataTypes.LongType, false)
      .add("cells", DataTypes.createArrayType(DataTypes.StringType, true), true)
      .add("problem", DataTypes.StringType, true)
      .add("raw_line", DataTypes.StringType, true)
      .add("fatal", DataTypes.BooleanType, false);

  public ParsedRow(int unit, long row, String[] cells, String problem, String rawLine) {
    this(unit, row, cells, problem, rawLine, false);
  }

  public static ParsedRow fatal(int unit, long row, String reason) {
    return new ParsedRow(unit, row, null, reason, null, true);
  }

  public Row toRow() {
    return RowFactory.create(unit, row, cells, problem, rawLine, fatal);
  }
}
