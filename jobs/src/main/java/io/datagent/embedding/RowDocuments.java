package io.datagent.embedding;

import io.datagent.retrieval.DocumentKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;

/**
 * Spark task body that turns rows of one serving table into row documents ({@link DocumentSchema#DOCUMENT}).
 *
 * <p>Input columns: the data columns in label order, then {@code _source_file} and {@code _source_row} when the table
 * has them. The id is {@code row:<table>:<file>:<row>} (plus {@code :<part>} for the second and later chunks);
 * tables without lineage use the content hash instead of file and row. Rows whose cells are all empty are skipped
 * and counted in {@code emptyRows}; rows cut at {@link RowRenderer#MAX_CHUNKS} are counted in {@code truncatedRows}.
 */
final class RowDocuments implements MapPartitionsFunction<Row, Row> {

  private final String table;
  private final RowRenderer renderer;
  private final int dataColumns;
  private final boolean lineage;
  private final LongAccumulator emptyRows;
  private final LongAccumulator truncatedRows;

  RowDocuments(String table, RowRenderer renderer, int dataColumns, boolean lineage, LongAccumulator emptyRows,
      LongAccumulator truncatedRows) {
    this.table = table;
    this.renderer = renderer;
    this.dataColumns = dataColumns;
    this.lineage = lineage;
    this.emptyRows = emptyRows;
    this.truncatedRows = truncatedRows;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      private final List<Row> pending = new ArrayList<>();
      private int next;

      @Override
      public boolean hasNext() {
        while (next >= pending.size() && rows.hasNext()) {
          pending.clear();
          next = 0;
          render(rows.next(), pending);
        }
        return next < pending.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return pending.get(next++);
      }
    };
  }

  private void render(Row r, List<Row> out) {
    Object[] values = new Object[dataColumns];
    for (int i = 0; i < dataColumns; i++) {
      values[i] = r.get(i);
    }
    RowRenderer.Rendered rendered = renderer.render(values);
    if (rendered.chunks().isEmpty()) {
      emptyRows.add(1);
      return;
    }
    if (rendered.truncated()) {
      truncatedRows.add(1);
    }
    String file = lineage && !r.isNullAt(dataColumns) ? r.getString(dataColumns) : null;
    Long line = lineage && !r.isNullAt(dataColumns + 1) ? r.getLong(dataColumns + 1) : null;
    String base = file != null && line != null
        ? "row:" + table + ":" + file + ":" + line
        : "row:" + table + ":" + ContentHash.of(String.join("\n", rendered.chunks())).substring(0, 24);
    List<String> chunks = rendered.chunks();
    for (int i = 0; i < chunks.size(); i++) {
      String text = chunks.get(i);
      out.add(RowFactory.create(i == 0 ? base : base + ":" + i, DocumentKind.ROW, table, file, line, text, ContentHash.of(text)));
    }
  }
}
