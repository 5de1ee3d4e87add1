package io.datagent.local.retrieval;

import io.datagent.retrieval.DocumentSource;
import io.datagent.retrieval.IndexedDocument;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads the local {@code document_embeddings} Delta table with Delta Kernel: no Spark, so the App and
 * {@code ./agent search} start in a second. Reads exactly the requested version (deletion vectors honoured).
 */
public final class DeltaKernelDocumentSource implements DocumentSource {

  static final List<String> COLUMNS = List.of("id", "kind", "table", "source_file", "source_row", "text", "model", "vector");

  private final Path table;
  private final Engine engine;

  /** @param table the folder of the Delta table, e.g. {@code .workspace/tables/serving/document_embeddings} */
  public DeltaKernelDocumentSource(Path table) {
    this.table = table.toAbsolutePath().normalize();
    this.engine = DefaultEngine.create(new Configuration());
  }

  @Override
  public long version() {
    return snapshot(-1).getVersion(engine);
  }

  @Override
  public void read(long version, Consumer<IndexedDocument> sink) {
    Snapshot snap = snapshot(version);
    StructType full = snap.getSchema(engine);
    StructType readSchema = new StructType();
    for (String c : COLUMNS) {
      if (full.indexOf(c) < 0) {
        throw new IllegalStateException(describe() + " no tiene la columna " + c + ": vuelva a generarla con ./agent embed --rebuild");
      }
      readSchema = readSchema.add(full.get(c));
    }
    Scan scan = snap.getScanBuilder(engine).withReadSchema(engine, readSchema).build();
    Row scanState = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(engine, scanState);
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            Row scanFile = fileRows.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
            CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(status), physical, Optional.empty());
            try (CloseableIterator<FilteredColumnarBatch> batches = Scan.transformPhysicalData(engine, scanState, scanFile, data)) {
              while (batches.hasNext()) {
                emit(batches.next(), sink);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no se pudo leer " + describe(), e);
    }
  }

  private static void emit(FilteredColumnarBatch fb, Consumer<IndexedDocument> sink) {
    ColumnarBatch b = fb.getData();
    Optional<ColumnVector> selection = fb.getSelectionVector();
    ColumnVector[] c = new ColumnVector[COLUMNS.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = b.getColumnVector(i);
    }
    for (int r = 0; r < b.getSize(); r++) {
      if (selection.isPresent() && (selection.get().isNullAt(r) || !selection.get().getBoolean(r))) {
        continue;
      }
      sink.accept(new IndexedDocument(str(c[0], r), str(c[1], r), str(c[2], r), str(c[3], r),
          c[4].isNullAt(r) ? null : c[4].getLong(r), str(c[5], r), str(c[6], r), vector(c[7], r)));
    }
  }

  private static String str(ColumnVector v, int r) {
    return v.isNullAt(r) ? null : v.getString(r);
  }

  private static float[] vector(ColumnVector v, int r) {
    if (v.isNullAt(r)) {
      return null;
    }
    ArrayValue a = v.getArray(r);
    ColumnVector el = a.getElements();
    float[] out = new float[a.getSize()];
    for (int i = 0; i < out.length; i++) {
      out[i] = el.getFloat(i);
    }
    return out;
  }

  private Snapshot snapshot(long version) {
    if (!Files.isDirectory(table.resolve("_delta_log"))) {
      throw new IllegalStateException("No existe la tabla " + describe() + ": genere los embeddings con ./agent embed");
    }
    try {
      Table t = Table.forPath(engine, table.toString());
      return version < 0 ? t.getLatestSnapshot(engine) : t.getSnapshotAsOfVersion(engine, version);
    } catch (TableNotFoundException e) {
      throw new IllegalStateException("No existe la tabla " + describe() + ": genere los embeddings con ./agent embed", e);
    }
  }

  @Override
  public String describe() {
    return table.getParent().getFileName() + "." + table.getFileName() + " (" + table + ")";
  }
}
