package io.datagent.retrieval.lucene;

import io.datagent.retrieval.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * An immutable, searchable snapshot of the documents of one version of the embeddings table: BM25 over the
 * Spanish-analysed text and an HNSW graph over the unit vectors.
 *
 * <p>Reference counted so a refresh can swap in a new index while searches still run on the old one: the owner
 * holds one reference ({@link #release()} when replaced), each search {@link #tryAcquire()}s one. The folder is
 * deleted when the last reference goes.
 */
public final class LuceneIndex {

  static final String ID = "id";
  static final String KIND = "kind";
  static final String TABLE = "table";
  static final String FILE = "source_file";
  static final String ROW = "source_row";
  static final String TEXT = "text";
  static final String VECTOR = "vector";

  private static final Analyzer ANALYZER = new FoldingSpanishAnalyzer();

  private final Path dir;
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final long version;
  private final String model;
  private final int dimension;
  private final int size;
  private final int withoutVector;
  private final AtomicInteger refs = new AtomicInteger(1);
  private static final int MAX_FUZZY_TERMS = 20_000;
  private final java.util.concurrent.ConcurrentHashMap<String, Query> fuzzy = new java.util.concurrent.ConcurrentHashMap<>();

  private LuceneIndex(Path dir, Directory directory, DirectoryReader reader, long version, String model, int dimension,
      int size, int withoutVector) {
    this.dir = dir;
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.version = version;
    this.model = model;
    this.dimension = dimension;
    this.size = size;
    this.withoutVector = withoutVector;
  }

  static LuceneIndex open(Path dir, long version, String model, int dimension, int size, int withoutVector) throws IOException {
    Directory d = FSDirectory.open(dir);
    return new LuceneIndex(dir, d, DirectoryReader.open(d), version, model, dimension, size, withoutVector);
  }

  /** The analyzer of the text field (also for queries). */
  public static Analyzer analyzer() {
    return ANALYZER;
  }

  public long version() {
    return version;
  }

  /** Id of the model the vectors come from, or null when the index has no vectors. */
  public String model() {
    return model;
  }

  public int dimension() {
    return dimension;
  }

  public int size() {
    return size;
  }

  public int withoutVector() {
    return withoutVector;
  }

  IndexSearcher searcher() {
    return searcher;
  }

  /**
   * A misspelt term's expansion: the {@link FuzzyQuery} (first letter fixed, at most 20 expansions) rewritten against
   * this index once and kept, since building its Levenshtein automaton costs more than the whole search. Valid for
   * the life of this snapshot (it never changes); a bounded number of terms is kept.
   */
  Query fuzzy(Term term, int maxEdits) throws IOException {
    String key = maxEdits + ":" + term.text();
    Query q = fuzzy.get(key);
    if (q == null) {
      q = searcher.rewrite(new FuzzyQuery(term, maxEdits, 1, 20, true));
      if (fuzzy.size() < MAX_FUZZY_TERMS) {
        fuzzy.putIfAbsent(key, q);
      }
    }
    return q;
  }

  /** Top {@code n} by BM25 for an already built lexical query (see {@link LexicalQuery}). */
  public TopDocs lexical(Query query, int n) {
    try {
      return searcher.search(query, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Approximate nearest neighbours (HNSW) of a query vector, restricted by {@code filter} (null: none). */
  public TopDocs knn(float[] queryVector, int n, Query filter) {
    if (model == null) {
      return new TopDocs(new org.apache.lucene.search.TotalHits(0, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
    }
    if (queryVector.length != dimension) {
      throw new IllegalArgumentException("el vector de la consulta tiene " + queryVector.length + " dimensiones y el índice " + dimension);
    }
    try {
      return searcher.search(new KnnFloatVectorQuery(VECTOR, Vectors.normalized(queryVector), n, filter), n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored fields of a hit. */
  public Hit hit(int doc, double score) {
    try {
      Document d = searcher.storedFields().document(doc);
      IndexableField row = d.getField(ROW);
      return new Hit(d.get(ID), d.get(KIND), emptyToNull(d.get(TABLE)), d.get(FILE),
          row == null ? null : row.numericValue().longValue(), d.get(TEXT), score);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The id of a hit (cheaper than {@link #hit}). */
  public String id(int doc) {
    try {
      return searcher.storedFields().document(doc, java.util.Set.of(ID)).get(ID);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes a reference for one search; false when the index is already closed (retry with the current one). */
  public boolean tryAcquire() {
    while (true) {
      int c = refs.get();
      if (c <= 0) {
        return false;
      }
      if (refs.compareAndSet(c, c + 1)) {
        return true;
      }
    }
  }

  /** Drops a reference; the last one closes the reader and deletes the folder. */
  public void release() {
    if (refs.decrementAndGet() == 0) {
      try {
        reader.close();
        directory.close();
        deleteRecursively(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = new ArrayList<>(walk.toList());
      paths.sort(Comparator.reverseOrder());
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
