package io.datagent.retrieval;

import io.datagent.retrieval.lucene.LuceneIndex;
import io.datagent.retrieval.lucene.LuceneIndexBuilder;
import io.datagent.retrieval.lucene.LuceneRetriever;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-process hybrid {@link Retriever}: a Lucene index loaded from a {@link DocumentSource}, rebuilt in the
 * background when the source gets a new version and swapped in atomically, so searches never wait for a refresh and
 * never see a half-built index.
 *
 * <p>The first index is built in {@link #open}; a failed refresh keeps the current index and is retried at the next
 * check. The embeddings must come from the query model ({@link ModelMismatchException} otherwise), unless the mode
 * is {@link SearchMode#LEXICAL}.
 */
public final class RefreshingRetriever implements Retriever, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(RefreshingRetriever.class.getName());

  private final DocumentSource source;
  private final EmbeddingModel queryModel;
  /**
   * Vectors of questions asked recently: the same question (asked again, or by a colleague) is not embedded twice.
   * A vector depends only on the text and the query model, which this retriever never changes.
   */
  private final com.github.benmanes.caffeine.cache.Cache<String, float[]> queryVectors =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2048).build();
  private final RetrieverConfig config;
  private final LuceneRetriever lucene;
  private final AtomicReference<LuceneIndex> current = new AtomicReference<>();
  private final ScheduledExecutorService scheduler;

  private RefreshingRetriever(DocumentSource source, EmbeddingModel queryModel, RetrieverConfig config) {
    this.source = source;
    this.queryModel = queryModel;
    this.config = config;
    this.lucene = new LuceneRetriever(config.tuning());
    this.scheduler = config.refreshInterval().isZero() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "datagent-index-refresh");
      t.setDaemon(true);
      return t;
    });
  }

  /** Loads the current version (throws when that fails) and starts the background refresh. */
  public static RefreshingRetriever open(DocumentSource source, EmbeddingModel queryModel, RetrieverConfig config) {
    RefreshingRetriever r = new RefreshingRetriever(source, queryModel, config);
    r.refresh();
    if (r.scheduler != null) {
      long ms = config.refreshInterval().toMillis();
      r.scheduler.scheduleWithFixedDelay(r::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }
    return r;
  }

  @Override
  public List<Hit> search(SearchRequest request) {
    float[] vector = config.mode() == SearchMode.LEXICAL ? null : queryVectors.get(request.text(), queryModel::embed);
    while (true) {
      LuceneIndex index = current.get();
      if (index == null) {
        throw new IllegalStateException("el índice está cerrado");
      }
      if (index.tryAcquire()) {
        try {
          return lucene.search(index, request, config.mode(), vector);
        } finally {
          index.release();
        }
      }
    }
  }

  /** The version currently searched. */
  public long version() {
    LuceneIndex index = current.get();
    return index == null ? -1 : index.version();
  }

  /** Documents in the current index. */
  public int size() {
    LuceneIndex index = current.get();
    return index == null ? 0 : index.size();
  }

  /** Rebuilds the index when the source has a new version; true when it swapped. Throws on failure. */
  public synchronized boolean refresh() {
    long version = source.version();
    LuceneIndex old = current.get();
    if (old != null && old.version() == version) {
      return false;
    }
    long t0 = System.nanoTime();
    LuceneIndex fresh = build(version);
    LuceneIndex previous = current.getAndSet(fresh);
    if (previous != null) {
      previous.release();
    }
    LOG.log(System.Logger.Level.INFO, String.format("índice de %s versión %d: %d documentos (%.1f s)",
        source.describe(), version, fresh.size(), (System.nanoTime() - t0) / 1e9));
    return true;
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (Exception | LinkageError | AssertionError e) { // a scheduled task that throws is silently never run again
      LOG.log(System.Logger.Level.WARNING, "no se pudo actualizar el índice de " + source.describe()
          + "; se sigue usando la versión " + version() + ": " + e.getMessage());
    }
  }

  private LuceneIndex build(long version) {
    boolean checkModel = config.mode() != SearchMode.LEXICAL;
    Path dir;
    try {
      Files.createDirectories(config.workDir());
      dir = Files.createTempDirectory(config.workDir(), "v" + version + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("no se pudo crear la carpeta del índice en " + config.workDir(), e);
    }
    LuceneIndexBuilder builder = new LuceneIndexBuilder(dir, source.describe(),
        checkModel ? queryModel.id() : null, checkModel ? queryModel.dimension() : 0);
    try {
      source.read(version, builder::add);
      return builder.build(version);
    } catch (RuntimeException e) {
      builder.close();
      deleteQuietly(dir);
      throw e;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // best effort: a temporary folder
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    LuceneIndex index = current.getAndSet(null);
    if (index != null) {
      index.release();
    }
  }
}
