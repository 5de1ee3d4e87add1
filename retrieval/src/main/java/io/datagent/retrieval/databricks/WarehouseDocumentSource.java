package io.datagent.retrieval.databricks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.platform.PlatformException;
import io.datagent.platform.sql.StatementRequest;
import io.datagent.platform.sql.StatementResult;
import io.datagent.platform.sql.Statements;
import io.datagent.retrieval.DocumentSource;
import io.datagent.retrieval.IndexedDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code <catalog>.<schema>.document_embeddings} through a SQL warehouse, for the App's in-process index on
 * Databricks.
 *
 * <p>The version comes from {@code DESCRIBE HISTORY}; the rows of exactly that version ({@code VERSION AS OF}) are
 * read in pages ordered by id (keyset pagination), each well under the 25 MiB the INLINE disposition allows.
 */
public final class WarehouseDocumentSource implements DocumentSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Statements sql;
  private final String table;
  private final int pageRows;

  /**
   * @param table    the fully qualified embeddings table, e.g. {@code main.serving.document_embeddings}
   * @param pageRows rows per page (vectors of 1,024 floats take about 12 KB each as JSON)
   */
  public WarehouseDocumentSource(Statements sql, String table, int pageRows) {
    this.sql = sql;
    this.table = table;
    this.pageRows = pageRows;
  }

  @Override
  public long version() {
    StatementResult r = run("DESCRIBE HISTORY " + quoted() + " LIMIT 1", Map.of());
    if (r.rows().isEmpty()) {
      throw new IllegalStateException(table + " no tiene historial");
    }
    return Long.parseLong(r.rows().get(0).get(r.column("version")));
  }

  @Override
  public void read(long version, Consumer<IndexedDocument> sink) {
    String after = "";
    while (true) {
      StatementResult r = run("SELECT id, kind, `table`, source_file, source_row, text, model, "
          + "to_json(vector) AS vector FROM " + quoted() + " VERSION AS OF " + version
          + " WHERE id > :after ORDER BY id LIMIT " + pageRows, Map.of("after", after));
      for (List<String> row : r.rows()) {
        String rowNumber = row.get(4);
        sink.accept(new IndexedDocument(row.get(0), row.get(1), row.get(2), row.get(3),
            rowNumber == null ? null : Long.valueOf(rowNumber), row.get(5), row.get(6), parseVector(row.get(7))));
        after = row.get(0);
      }
      if (r.rows().size() < pageRows) {
        return;
      }
    }
  }

  /** The distinct (model, dimension) pairs of the table, to refuse an index built by another model. */
  public List<List<String>> models() {
    return run("SELECT model, CAST(dimension AS STRING) AS dimension, CAST(count(*) AS STRING) AS n FROM " + quoted()
        + " GROUP BY model, dimension", Map.of()).rows();
  }

  @Override
  public String describe() {
    return table;
  }

  private StatementResult run(String statement, Map<String, String> params) {
    try {
      return sql.execute(StatementRequest.of(statement, params));
    } catch (PlatformException e) {
      if ("TABLE_OR_VIEW_NOT_FOUND".equals(e.errorCode())) {
        throw new IllegalStateException("no existe " + table + ": ejecute EmbedJob (tarea embed del job de ingesta) "
            + "para crearla", e);
      }
      throw e;
    }
  }

  private String quoted() {
    StringBuilder sb = new StringBuilder();
    for (String part : table.split("\\.")) {
      sb.append(sb.length() == 0 ? "" : ".").append('`').append(part.replace("`", "``")).append('`');
    }
    return sb.toString();
  }

  static float[] parseVector(String json) {
    if (json == null) {
      return null;
    }
    try (JsonParser p = JSON.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalStateException("vector inválido: " + json.substring(0, Math.min(40, json.length())));
      }
      float[] buf = new float[256];
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (n == buf.length) {
          buf = java.util.Arrays.copyOf(buf, n * 2);
        }
        buf[n++] = p.getFloatValue();
      }
      return java.util.Arrays.copyOf(buf, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
