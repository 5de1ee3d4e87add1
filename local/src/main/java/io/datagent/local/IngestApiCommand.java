package io.datagent.local;

import io.datagent.ingestion.FileOutcome;
import io.datagent.ingestion.FileStatus;
import io.datagent.ingestion.api.ApiExtractJob;
import io.datagent.ingestion.api.ApiJobConfig;
import io.datagent.ingestion.api.ApiLoadJob;
import io.datagent.ingestion.api.SecretLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./agent ingest-api --source FILE}: keeps the source definition in the local uploads Volume
 * ({@code api/_sources/}), then runs the two tasks of the Databricks job in sequence: {@link ApiExtractJob} (pages
 * kept under {@code uploads/api/<source>/<run>/}, progress per page) and {@link ApiLoadJob} (raw and serving tables).
 * Secrets come from {@code DATAGENT_SECRET_<SCOPE>_<KEY>} environment variables. {@code --run-id ID} resumes a run.
 */
final class IngestApiCommand implements Command {

  @Override
  public String name() {
    return "ingest-api";
  }

  @Override
  public String summary() {
    return "ingest-api --source ARCHIVO.yml   descarga una fuente API (JSON paginado) y la carga en raw y serving";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    List<String> rest = new ArrayList<>(args);
    int at = rest.indexOf("--source");
    if (at < 0 || at + 1 >= rest.size()) {
      System.err.println("Uso: ./agent ingest-api --source FUENTE.yml [--run-id ID] [--workspace DIR]");
      return 2;
    }
    Path file = Path.of(rest.get(at + 1));
    rest.remove(at + 1);
    rest.remove(at);
    if (!Files.isRegularFile(file)) {
      System.err.println("No existe el archivo de fuente " + file.toAbsolutePath());
      return 2;
    }
    Workspace ws = rt.workspace().create();
    Path kept = ws.uploads().resolve("api").resolve("_sources").resolve(file.getFileName().toString());
    Files.createDirectories(kept.getParent());
    if (!kept.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
      Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> jobArgs = new ArrayList<>(List.of("--sources", kept.toString(), "--uploads", ws.uploads().toString()));
    jobArgs.addAll(rest);
    ApiJobConfig cfg = ApiJobConfig.parse("ingest-api", jobArgs.toArray(String[]::new));
    List<String> errors = ApiExtractJob.run(cfg, SecretLookup.fromEnvironment(System.getenv()), System.out::println);
    if (!errors.isEmpty()) {
      System.out.println("La extracción falló; vuelva a lanzar con --run-id " + cfg.runId() + " para continuar desde la última página guardada.");
      return 1;
    }
    List<FileOutcome> out = ApiLoadJob.run(rt.spark(), cfg, System.out::println);
    long failed = out.stream().filter(o -> o.status() == FileStatus.FAILED).count();
    long loaded = out.stream().mapToLong(FileOutcome::rowsLoaded).sum();
    System.out.println("Fuente cargada (ejecución " + cfg.runId() + "): " + loaded + " registro(s) cargados"
        + (failed > 0 ? ", " + failed + " endpoint(s) con error" : ""));
    return failed > 0 ? 1 : 0;
  }
}
