package io.datagent.ingestion.api;

import io.datagent.config.ArgSpec;
import io.datagent.ingestion.IngestConfig;
import io.datagent.ingestion.IngestJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parameters shared by {@link ApiExtractJob} and {@link ApiLoadJob}: the source file (or a folder of them), the
 * uploads Volume the pages are kept in, the run id both tasks of one job run share, and the target schemas.
 */
public record ApiJobConfig(Path sources, Path uploads, String runId, IngestConfig tables) {

  public static ArgSpec argSpec(String program) {
    return new ArgSpec(program)
        .required("sources", "archivo YAML de una fuente, o carpeta con varios (p. ej. /Volumes/<catalogo>/raw/uploads/api/_sources)")
        .required("uploads", "carpeta de cargas (Volume) donde se guardan las páginas en api/<fuente>/<ejecución>/")
        .optional("run-id", "", "identificador de la ejecución, el mismo en extracción y carga (p. ej. {{job.run_id}})")
        .optional("catalog", "", "catálogo de Unity Catalog (vacío: el del clúster)")
        .optional("raw-schema", "raw", "esquema de las tablas raw, la cuarentena y el registro")
        .optional("serving-schema", "serving", "esquema de las tablas tipadas");
  }

  public static ApiJobConfig parse(String program, String... args) {
    ArgSpec.Parsed p = argSpec(program).parse(args);
    String run = p.find("run-id").filter(s -> !s.isBlank()).orElseGet(IngestJob::newBatchId);
    if (!run.matches("[A-Za-z0-9_.-]{1,80}")) {
      throw new IllegalArgumentException(program + ": el parámetro --run-id solo admite letras, números, '.', '_' y '-': " + run);
    }
    IngestConfig tables = new IngestConfig(p.find("catalog").filter(s -> !s.isBlank()).orElse(null), p.get("raw-schema"),
        p.get("serving-schema"), p.get("uploads"), null, run, 0, List.of(),
        io.datagent.ingestion.semantic.SemanticConfig.DISABLED); // the App derives an API table's model itself
    return new ApiJobConfig(Path.of(p.get("sources")), Path.of(p.get("uploads")), run, tables);
  }

  /** Every source definition named by {@code --sources}, validated before anything is fetched. */
  public List<ApiSource> definitions() {
    if (Files.isRegularFile(sources)) {
      return List.of(SourceDefinitions.read(sources));
    }
    if (!Files.isDirectory(sources)) {
      throw new SourceDefinitionException("No existe el archivo o carpeta de fuentes " + sources);
    }
    try (Stream<Path> s = Files.list(sources)) {
      List<ApiSource> all = s.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted()
          .map(SourceDefinitions::read).toList();
      if (all.stream().map(ApiSource::name).distinct().count() < all.size()) {
        throw new SourceDefinitionException("Dos archivos de " + sources + " declaran la misma fuente (clave 'source')");
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
