package io.datagent.local.demo;

import io.datagent.ingestion.FileOutcome;
import io.datagent.ingestion.FileStatus;
import io.datagent.ingestion.api.ApiEndpoint;
import io.datagent.ingestion.api.ApiExtractJob;
import io.datagent.ingestion.api.ApiJobConfig;
import io.datagent.ingestion.api.ApiLoadJob;
import io.datagent.ingestion.api.ApiSource;
import io.datagent.ingestion.api.PageFetcher;
import io.datagent.ingestion.api.SecretLookup;
import io.datagent.ingestion.api.SourceDefinitions;
import io.datagent.local.LocalRuntime;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo's API source: the documented fuel-price source ({@code docs/api-sources/carburantes.yml}) loaded from a
 * {@link RecordedResponseReplay} of the real response recorded for the API-source tests
 * ({@code tests/src/test/resources/api/}, read from the checkout, never packaged), with the headers the real service
 * sends. The definition is kept in the uploads folder as written (its real public base URL), then extracted and loaded
 * by the same tasks as {@code ./agent ingest-api}, with only the fetcher pointed at the replay for the run.
 */
public final class DemoApiSource {

  static final Path DEFINITION = Path.of("docs", "api-sources", "carburantes.yml");
  static final Path RECORDING = Path.of("tests", "src", "test", "resources", "api", "carburantes-filtromunicipio-52.json");
  /** What the fuel-price service sends with it (no pagination headers). */
  static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json; charset=utf-8");

  /** What the demo loaded: the source, its serving tables and the records loaded; {@code note} when it was skipped or failed. */
  public record Result(String source, List<String> tables, long records, String run, String note) {
    public String summary() {
      return note != null ? "Fuente API: " + note
          : "Fuente API " + source + " (respuesta real grabada, servida en 127.0.0.1): " + records + " registro(s) en "
              + String.join(", ", tables.stream().map(t -> "serving." + t).toList()) + " (ejecución " + run + ")";
    }
  }

  private DemoApiSource() {}

  public static Result load(LocalRuntime rt, Consumer<String> progress) throws IOException {
    return load(rt, rt.projectRoot(), progress);
  }

  /** As {@link #load(LocalRuntime, Consumer)}, with the definition and the recording read from {@code projectRoot}. */
  public static Result load(LocalRuntime rt, Path projectRoot, Consumer<String> progress) throws IOException {
    Extracted x = extract(rt.workspace().create().uploads(), projectRoot, progress);
    if (x.note() != null) {
      return new Result(x.source() == null ? null : x.source().name(), List.of(), 0, x.cfg() == null ? null
          : x.cfg().runId(), x.note());
    }
    ApiSource real = x.source();
    List<FileOutcome> out = ApiLoadJob.run(rt.spark(), x.cfg(), progress);
    List<String> failed = out.stream().filter(o -> o.status() == FileStatus.FAILED).map(FileOutcome::message).toList();
    if (!failed.isEmpty()) {
      return new Result(real.name(), List.of(), 0, x.cfg().runId(), "la carga falló: " + String.join("; ", failed));
    }
    return new Result(real.name(), real.endpoints().stream().map(ApiEndpoint::table).toList(),
        out.stream().mapToLong(FileOutcome::rowsLoaded).sum(), x.cfg().runId(), null);
  }

  /** The extract step's outcome: the source as defined, the job config of the run, or why it did not run. */
  record Extracted(ApiSource source, ApiJobConfig cfg, String note) {}

  /**
   * Keeps the definition, unchanged (its real public base URL), under {@code <uploads>/api/_sources/} and extracts it
   * with a fetcher routed to a replay of the recording for this run only ({@link PageFetcher#routedTo}): the pages,
   * lineage and state it leaves name the real service, never the loopback server closed at the end.
   */
  static Extracted extract(Path uploads, Path projectRoot, Consumer<String> progress) throws IOException {
    Path definition = projectRoot.resolve(DEFINITION);
    Path recording = projectRoot.resolve(RECORDING);
    if (!Files.isRegularFile(definition) || !Files.isRegularFile(recording)) {
      return new Extracted(null, null, "no se carga: faltan " + DEFINITION + " o " + RECORDING + " en " + projectRoot);
    }
    String yaml = Files.readString(definition);
    ApiSource real = SourceDefinitions.parse(definition.getFileName().toString(), yaml);
    String basePath = URI.create(real.baseUrl()).getPath();
    ApiEndpoint ep = real.endpoints().get(0);
    RecordedResponseReplay.Recording r = new RecordedResponseReplay.Recording(basePath + ep.path(), Files.readAllBytes(recording), HEADERS);
    Path kept = uploads.resolve("api").resolve("_sources").resolve(definition.getFileName().toString());
    Files.createDirectories(kept.getParent());
    Files.writeString(kept, yaml);
    ApiJobConfig cfg = ApiJobConfig.parse("demo", "--sources", kept.toString(), "--uploads", uploads.toString());
    List<String> errors;
    try (RecordedResponseReplay replay = new RecordedResponseReplay(Map.of(r.path(), r))) {
      progress.accept("Demo: " + real.baseUrl() + " se sirve desde la respuesta real grabada (" + RECORDING.getFileName()
          + "), repetida en 127.0.0.1 solo durante esta carga");
      errors = ApiExtractJob.run(cfg, s -> PageFetcher.standard(s, SecretLookup.DISABLED)
          .routedTo(real.baseUrl(), replay.base() + basePath), progress);
    }
    return new Extracted(real, cfg, errors.isEmpty() ? null : "la extracción falló: " + String.join("; ", errors));
  }
}
