package io.datagent.app;

import io.datagent.retrieval.Hit;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.SearchRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A retriever opened in the background (loading an index can take a while, and the App must be ready in seconds):
 * finds nothing until it is open, and nothing ever if opening failed (the agent then answers from SQL alone).
 */
public final class BackgroundRetriever implements Retriever, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRetriever.class);

  private final CompletableFuture<Retriever> opening;

  public BackgroundRetriever(Supplier<Retriever> open) {
    this.opening = CompletableFuture.supplyAsync(() -> {
      try {
        return open.get();
      } catch (Exception | LinkageError e) { // a missing native library (ONNX) is an Error: log it, answer without search
        LOG.warn("La búsqueda en documentos queda desactivada: no se pudo abrir el índice ({})", e.toString(), e);
        return request -> List.of();
      }
    }, r -> {
      Thread t = new Thread(r, "datagent-retriever-open");
      t.setDaemon(true);
      t.start();
    });
  }

  /** Completes when the retriever is open (or failed to open and is off): searches from then on are the real ones. */
  public CompletableFuture<Void> opened() {
    return opening.thenApply(r -> null);
  }

  /** No retrieval at all. */
  public static Retriever none() {
    return request -> List.of();
  }

  @Override
  public void close() throws Exception {
    Retriever r = opening.getNow(null);
    if (r instanceof AutoCloseable c) {
      c.close();
    }
  }

  @Override
  public List<Hit> search(SearchRequest request) {
    Retriever r = opening.getNow(null);
    return r == null ? List.of() : r.search(request);
  }
}
