package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The saved pages of one endpoint in one run, as listed on the driver (their bodies are read in Spark tasks by
 * {@link ParsedPages}), and the column descriptions of the API's saved self-description.
 */
final class SavedPages {

  final List<PageRef> pages;
  /** Column descriptions from the API's saved self-description (empty when the source asks for none). */
  final Map<String, String> apiDescriptions;

  private SavedPages(List<PageRef> pages, Map<String, String> apiDescriptions) {
    this.pages = pages;
    this.apiDescriptions = apiDescriptions;
  }

  static SavedPages read(ApiSource source, ApiEndpoint ep, PageStore store, String run) {
    if (!store.complete(ep.table())) {
      throw new IllegalStateException("Fuente " + source.name() + "/" + ep.table() + ": la extracción de la ejecución " + run
          + " no terminó (falta " + store.root().resolve(ep.table()).resolve("_complete.json") + "); ejecute antes la extracción");
    }
    String prefix = "api/" + source.name() + "/" + run + "/" + ep.table() + "/";
    List<PageRef> pages = store.pages(ep.table()).stream()
        .map(s -> new PageRef(s.page(), s.url(), s.fetchedAt(), s.body().toString(), prefix + s.body().getFileName()))
        .toList();
    JsonNode schema = ep.schema().enabled() ? store.schema(ep.table()) : null;
    return new SavedPages(pages, schema == null ? Map.of() : SchemaDescriptions.read(source, ep, schema));
  }
}
