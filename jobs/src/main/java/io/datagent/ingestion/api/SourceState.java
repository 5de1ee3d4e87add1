package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is remembered about a source between runs, in {@code <uploads>/api/<source>/_state.json}: the high-water mark
 * (greatest value of the incremental field among loaded records), the last run, its status and error, and per
 * endpoint table the content last loaded into it. The mark only moves after a load committed, so a failed run fetches
 * the same window again; an endpoint's content is recorded only once its serving table committed.
 *
 * @param loaded endpoint table → the content last loaded into it (what a repeat of it would skip); lets the load tell
 *               a repeat without reading the ingestion log. The log stays the record: an endpoint missing here (a
 *               state written before this field existed) is looked up there.
 */
public record SourceState(String highWaterMark, String lastRun, String lastStatus, String lastError, String updatedAt,
    Map<String, Loaded> loaded) {

  private static final ObjectMapper JSON = new ObjectMapper();
  public static final SourceState EMPTY = new SourceState(null, null, null, null, null);

  /** The content (hash of its records, {@code RecordSummary#contentSha}) a run loaded into an endpoint's table. */
  public record Loaded(String sha256, String run, String at) {}

  public SourceState {
    loaded = Map.copyOf(loaded);
  }

  /** A state that remembers no loaded content. */
  public SourceState(String highWaterMark, String lastRun, String lastStatus, String lastError, String updatedAt) {
    this(highWaterMark, lastRun, lastStatus, lastError, updatedAt, Map.of());
  }

  public static Path file(Path uploads, String source) {
    return uploads.resolve("api").resolve(source).resolve("_state.json");
  }

  public static SourceState read(Path uploads, String source) {
    Path f = file(uploads, source);
    if (!Files.exists(f)) {
      return EMPTY;
    }
    try {
      JsonNode n = JSON.readTree(f.toFile());
      Map<String, Loaded> loaded = new TreeMap<>();
      n.path("loaded").fields().forEachRemaining(e -> loaded.put(e.getKey(),
          new Loaded(t(e.getValue(), "sha256"), t(e.getValue(), "run"), t(e.getValue(), "at"))));
      loaded.values().removeIf(l -> l.sha256() == null);
      return new SourceState(t(n, "high_water_mark"), t(n, "last_run"), t(n, "last_status"), t(n, "last_error"), t(n, "updated_at"),
          loaded);
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo leer el estado de la fuente " + source + " (" + f + ")", e);
    }
  }

  public void write(Path uploads, String source) {
    Path f = file(uploads, source);
    ObjectNode n = JSON.createObjectNode().put("high_water_mark", highWaterMark).put("last_run", lastRun)
        .put("last_status", lastStatus).put("last_error", lastError).put("updated_at", updatedAt);
    ObjectNode contents = n.putObject("loaded");
    new TreeMap<>(loaded).forEach((table, l) -> contents.putObject(table).put("sha256", l.sha256()).put("run", l.run()).put("at", l.at()));
    try {
      Files.createDirectories(f.getParent());
      Path tmp = f.resolveSibling("_state.json.tmp");
      Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String t(JsonNode n, String k) {
    return n.hasNonNull(k) ? n.get(k).asText() : null;
  }
}
