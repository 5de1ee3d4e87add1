package io.datagent.retrieval.lucene;

import io.datagent.retrieval.IndexedDocument;
import io.datagent.retrieval.ModelMismatchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes one immutable {@link LuceneIndex} from a stream of documents, into its own folder (memory-mapped, so the
 * vectors and postings live in the page cache rather than on the Java heap).
 *
 * <p>Every vector must come from {@code expectedModel} with {@code expectedDimension} values; a vector of another
 * model is refused with {@link ModelMismatchException}. With {@code expectedModel} null (lexical-only search) the
 * first vector's model is taken and mixing is still refused. Documents without a vector are indexed for BM25 only.
 */
public final class LuceneIndexBuilder implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LuceneIndexBuilder.class.getName());

  private final Path dir;
  private final String sourceName;
  private final IndexWriter writer;
  private String model;
  private int dimension;
  private final boolean modelFixed;
  private int count;
  private int withoutVector;

  public LuceneIndexBuilder(Path dir, String sourceName, String expectedModel, int expectedDimension) {
    this.dir = dir;
    this.sourceName = sourceName;
    this.model = expectedModel;
    this.dimension = expectedDimension;
    this.modelFixed = expectedModel != null;
    try {
      Files.createDirectories(dir);
      IndexWriterConfig cfg = new IndexWriterConfig(LuceneIndex.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setRAMBufferSizeMB(256)
          .setUseCompoundFile(false);
      this.writer = new IndexWriter(FSDirectory.open(dir), cfg);
    } catch (IOException e) {
      throw new UncheckedIOException("no se pudo crear el índice en " + dir, e);
    }
  }

  public void add(IndexedDocument d) {
    Document doc = new Document();
    doc.add(new StringField(LuceneIndex.ID, d.id(), Field.Store.YES));
    doc.add(new StringField(LuceneIndex.KIND, nz(d.kind()), Field.Store.YES));
    doc.add(new StringField(LuceneIndex.TABLE, nz(d.table()), Field.Store.YES));
    if (d.sourceFile() != null) {
      doc.add(new StoredField(LuceneIndex.FILE, d.sourceFile()));
    }
    if (d.sourceRow() != null) {
      doc.add(new StoredField(LuceneIndex.ROW, d.sourceRow()));
    }
    doc.add(new TextField(LuceneIndex.TEXT, nz(d.text()), Field.Store.YES));
    float[] unit = d.vector() == null ? null : unitOrNull(d);
    if (unit != null) {
      checkModel(d);
      doc.add(new KnnFloatVectorField(LuceneIndex.VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
    } else {
      withoutVector++;
    }
    try {
      writer.addDocument(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    count++;
  }

  private static float[] unitOrNull(IndexedDocument d) {
    try {
      return Vectors.normalized(d.vector());
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "documento " + d.id() + " indexado solo para BM25: " + e.getMessage());
      return null;
    }
  }

  private void checkModel(IndexedDocument d) {
    if (model == null) {
      model = d.model();
      dimension = d.vector().length;
      return;
    }
    if (!model.equals(d.model()) || d.vector().length != dimension) {
      if (modelFixed) {
        throw new ModelMismatchException(sourceName, d.model(), d.vector().length, model, dimension);
      }
      throw new IllegalStateException(sourceName + " mezcla vectores de '" + model + "' (" + dimension + ") y de '"
          + d.model() + "' (" + d.vector().length + "): vuelva a generarlos con un solo modelo (./agent embed --rebuild)");
    }
  }

  /** Commits and opens the index for searching; the builder is closed. */
  public LuceneIndex build(long version) {
    try {
      writer.forceMerge(1); // one HNSW graph and one postings list per term: predictable latency (no-op if one)
      writer.commit();
      writer.close();
      return LuceneIndex.open(dir, version, model, dimension, count, withoutVector);
    } catch (IOException e) {
      throw new UncheckedIOException("no se pudo escribir el índice en " + dir, e);
    }
  }

  @Override
  public void close() {
    try {
      if (writer.isOpen()) {
        writer.rollback();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
