package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Extract step: fetches every page of every endpoint of a source and saves each as received ({@link PageStore}).
 *
 * <p>Resumable: pages already saved under the run are not fetched again; the run continues from the last saved
 * page's next URL, and an endpoint marked complete is skipped (so re-running a finished run fetches nothing).
 * Stops with an {@link ApiFetchException} when the API sends a URL it already sent in this run, or the same body
 * twice in a row (a source that returns the same page forever), or more pages than {@code max_pages}.
 */
public final class ApiExtractor {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one endpoint's extraction did. */
  public record EndpointResult(String table, int pages, long records, int resumedPages, boolean skipped) {}

  private final ApiSource source;
  private final PageFetcher fetcher;
  private final Consumer<String> progress;

  public ApiExtractor(ApiSource source, PageFetcher fetcher, Consumer<String> progress) {
    this.source = source;
    this.fetcher = fetcher;
    this.progress = progress;
  }

  public List<EndpointResult> run(Path uploads, String runId) {
    PageStore store = new PageStore(uploads, source.name(), runId);
    String since = since(uploads, store);
    List<EndpointResult> out = new ArrayList<>();
    for (ApiEndpoint ep : source.endpoints()) {
      out.add(extract(store, ep, since));
    }
    return out;
  }

  /** The high-water mark this run uses: fixed when the run starts, so a resumed run asks for the same window. */
  private String since(Path uploads, PageStore store) {
    Path f = store.root().resolve("_run.json");
    try {
      if (Files.exists(f)) {
        JsonNode n = JSON.readTree(f.toFile());
        return n.hasNonNull("since") ? n.get("since").asText() : null;
      }
      String since = source.incremental().enabled() ? SourceState.read(uploads, source.name()).highWaterMark() : null;
      Files.createDirectories(store.root());
      Files.write(f, JSON.writeValueAsBytes(JSON.createObjectNode().put("since", since)));
      return since;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EndpointResult extract(PageStore store, ApiEndpoint ep, String since) {
    List<PageStore.Saved> saved = store.pages(ep.table());
    if (store.complete(ep.table())) {
      long records = saved.stream().mapToLong(PageStore.Saved::records).sum();
      progress.accept("  = " + source.name() + "/" + ep.table() + ": extracción ya completa (" + saved.size() + " página(s), "
          + records + " registro(s))");
      return new EndpointResult(ep.table(), saved.size(), records, saved.size(), true);
    }
    if (ep.schema().enabled() && store.schema(ep.table()) == null) {
      String url = ep.schema().url() == null ? source.baseUrl() + ep.path()
          : ep.schema().url().startsWith("/") ? source.baseUrl() + ep.schema().url() : ep.schema().url();
      HttpPage doc = ep.schema().kind() == SchemaSource.Kind.WORDPRESS ? fetcher.options(url) : fetcher.fetch(url, 0);
      int described = SchemaDescriptions.read(source, ep, doc.json()).size(); // refuses a document without the part named
      store.saveSchema(ep.table(), doc);
      progress.accept("  descripción de los campos de " + source.name() + "/" + ep.table() + ": " + described + " campo(s) descritos por la API");
    }
    Paginator paginator = new Paginator(source, ep, since);
    Set<String> seenUrls = new HashSet<>();
    long records = 0;
    String url = paginator.first();
    String previousSha = null;
    int page = 1;
    for (PageStore.Saved s : saved) { // resume after the last saved page
      seenUrls.add(s.url());
      records += s.records();
      url = s.nextUrl();
      previousSha = s.sha256();
      page = s.page() + 1;
    }
    if (!saved.isEmpty()) {
      progress.accept("  ↻ " + source.name() + "/" + ep.table() + ": se reanuda tras la página " + (page - 1));
    }
    // One page ahead: the next page's request goes out as soon as its URL is known, while this one is checked, hashed
    // and saved. Still one request in flight at a time, in the same order, so rate limits and retries are unchanged.
    ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "api-fetch-" + source.name());
      t.setDaemon(true);
      return t;
    });
    try {
      Future<HttpPage> fetched = null;
      while (url != null) {
        if (page > ep.pagination().maxPages()) {
          throw new ApiFetchException(source.name(), page, url, "se superó el máximo de " + ep.pagination().maxPages() + " páginas (pagination.max_pages)");
        }
        if (!seenUrls.add(url)) {
          throw new ApiFetchException(source.name(), page, url, "la API vuelve a enviar una página ya pedida en esta ejecución (bucle de paginación)");
        }
        HttpPage p = fetched != null ? received(fetched) : fetcher.fetch(url, page);
        fetched = null;
        JsonNode array = Records.array(p.json(), ep.recordsPath());
        if (array == null) {
          throw new ApiFetchException(source.name(), page, url, ep.recordsPath().isEmpty()
              ? "el cuerpo no es una lista de registros" : "no se encontró la lista de registros en '" + ep.recordsPath() + "'");
        }
        String sha = sha256(p.body());
        if (sha.equals(previousSha) && array.size() > 0) {
          throw new ApiFetchException(source.name(), page, url, "la API devuelve la misma página que la anterior (bucle de paginación)");
        }
        String next = paginator.next(p, page, array.size());
        if (next != null && page + 1 <= ep.pagination().maxPages() && !seenUrls.contains(next)) {
          int nextPage = page + 1;
          fetched = ahead.submit(() -> fetcher.fetch(next, nextPage));
        }
        store.save(ep.table(), page, p, next, array.size(), sha);
        records += array.size();
        String total = p.header("X-WP-TotalPages");
        progress.accept("  página " + page + (total != null ? " de " + total : "") + " de " + source.name() + "/" + ep.table() + ": "
            + array.size() + " registro(s) (total " + records + ")");
        previousSha = sha;
        url = next;
        page++;
      }
    } finally {
      ahead.shutdownNow();
    }
    store.markComplete(ep.table(), page - 1, records);
    return new EndpointResult(ep.table(), page - 1, records, saved.size(), false);
  }

  /** The page fetched ahead; its failure is thrown as if it had been fetched here. */
  private static HttpPage received(Future<HttpPage> fetched) {
    try {
      return fetched.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("extracción interrumpida", e);
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
