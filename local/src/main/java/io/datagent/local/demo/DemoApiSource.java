package io.datagent.local.demo;

import io.datagent.ingestion.FileOutcome;
import io.datagent.ingestion.FileStatus;
import io.datagent.ingestion.api.ApiEndpoint;
import io.datagent.ingestion.api.ApiExtractJob;
import io.datagent.ingestion.api.ApiJobConfig;
import io.datagent.ingestion.api.ApiLoadJob;
import io.datagent.ingestion.api.ApiSource;
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
import java.util.regex.Matcher;

/**
 * The demo's API source: the documented fuel-price source ({@code docs/api-sources/carburantes.yml}) loaded from a
 * {@link RecordedResponseReplay} of the real response recorded for the API-source tests
 * ({@code jobs/src/test/resources/api/}, read from the checkout, never packaged), with the headers the real service
 * sends. The definition is kept in the uploads folder with its base URL pointing at the replay, then extracted and
 * loaded by the same tasks as {@code ./agent ingest-api}.
 */
public final class DemoApiSource {

  static final Path DEFINITION = Path.of("docs", "api-sources", "carburantes.yml");
  static final Path RECORDING = Path.of("jobs", "src", "test", "resources", "api", "carburantes-filtromunicipio-52.json");
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
    Path definition = projectRoot.resolve(DEFINITION);
    Path recording = projectRoot.resolve(RECORDING);
    if (!Files.isRegularFile(definition) || !Files.isRegularFile(recording)) {
      return new Result(null, List.of(), 0, null, "no se carga: faltan " + DEFINITION + " o " + RECORDING + " en " + projectRoot);
    }
    String yaml = Files.readString(definition);
    ApiSource real = SourceDefinitions.parse(definition.getFileName().toString(), yaml);
    String basePath = URI.create(real.baseUrl()).getPath();
    ApiEndpoint ep = real.endpoints().get(0);
    RecordedResponseReplay.Recording r = new RecordedResponseReplay.Recording(basePath + ep.path(), Files.readAllBytes(recording), HEADERS);
    try (RecordedResponseReplay replay = new RecordedResponseReplay(Map.of(r.path(), r))) {
      Path kept = rt.workspace().create().uploads().resolve("api").resolve("_sources").resolve(definition.getFileName().toString());
      Files.createDirectories(kept.getParent());
      Files.writeString(kept, yaml.replaceFirst("(?m)^base_url:.*$",
          Matcher.quoteReplacement("base_url: " + replay.base() + basePath + "   # demo: replay of a recorded response")));
      ApiJobConfig cfg = ApiJobConfig.parse("demo", "--sources", kept.toString(), "--uploads", rt.workspace().uploads().toString());
      List<String> errors = ApiExtractJob.run(cfg, SecretLookup.DISABLED, progress);
      if (!errors.isEmpty()) {
        return new Result(real.name(), List.of(), 0, cfg.runId(), "la extracción falló: " + String.join("; ", errors));
      }
      List<FileOutcome> out = ApiLoadJob.run(rt.spark(), cfg, progress);
      List<String> failed = out.stream().filter(o -> o.status() == FileStatus.FAILED).map(FileOutcome::message).toList();
      if (!failed.isEmpty()) {
        return new Result(real.name(), List.of(), 0, cfg.runId(), "la carga falló: " + String.join("; ", failed));
      }
      return new Result(real.name(), real.endpoints().stream().map(ApiEndpoint::table).toList(),
          out.stream().mapToLong(FileOutcome::rowsLoaded).sum(), cfg.runId(), null);
    }
  }
}
