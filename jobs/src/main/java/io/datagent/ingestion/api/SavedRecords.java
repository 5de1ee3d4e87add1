package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one endpoint in one run, read back from the saved pages. A record whose id appears again on a
 * later page (the data changed between two requests, e.g. offset paging over a list that grew) is kept once, in its
 * latest version, and counted in {@link #repeated}.
 */
final class SavedRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<ApiRecord> records;
  final int repeated;
  final int pages;
  /** Column descriptions from the API's saved self-description (empty when the source asks for none). */
  final Map<String, String> apiDescriptions;

  private SavedRecords(List<ApiRecord> records, int repeated, int pages, Map<String, String> apiDescriptions) {
    this.records = records;
    this.repeated = repeated;
    this.pages = pages;
    this.apiDescriptions = apiDescriptions;
  }

  static SavedRecords read(ApiSource source, ApiEndpoint ep, PageStore store, String run) {
    if (!store.complete(ep.table())) {
      throw new IllegalStateException("Fuente " + source.name() + "/" + ep.table() + ": la extracción de la ejecución " + run
          + " no terminó (falta " + store.root().resolve(ep.table()).resolve("_complete.json") + "); ejecute antes la extracción");
    }
    RecordFlattener flattener = new RecordFlattener(ep);
    Map<String, ApiRecord> byId = new LinkedHashMap<>();
    List<ApiRecord> withoutId = new ArrayList<>();
    int repeated = 0;
    List<PageStore.Saved> pages = store.pages(ep.table());
    for (PageStore.Saved s : pages) {
      JsonNode body;
      try {
        body = JSON.readTree(Files.readString(s.body()));
      } catch (IOException e) {
        throw new UncheckedIOException("Fuente " + source.name() + ", página " + s.page() + " (" + s.url() + "): no se pudo leer "
            + s.body(), e);
      }
      JsonNode array = Records.array(body, ep.recordsPath());
      String file = "api/" + source.name() + "/" + run + "/" + ep.table() + "/" + s.body().getFileName();
      for (int i = 0; i < array.size(); i++) {
        JsonNode r = array.get(i);
        ApiRecord rec = new ApiRecord(r.toString(), flattener.flatten(r), s.url(), s.page(), i + 1, Instant.parse(s.fetchedAt()), file);
        String id = rec.fields().get(ep.idField());
        if (id == null || id.isBlank()) {
          withoutId.add(rec);
        } else if (byId.put(id, rec) != null) {
          repeated++;
        }
      }
    }
    List<ApiRecord> all = new ArrayList<>(byId.values());
    all.addAll(withoutId);
    JsonNode schema = ep.schema().enabled() ? store.schema(ep.table()) : null;
    return new SavedRecords(all, repeated, pages.size(), schema == null ? Map.of() : SchemaDescriptions.read(source, ep, schema));
  }
}
