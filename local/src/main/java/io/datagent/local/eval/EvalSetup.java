package io.datagent.local.eval;

import io.datagent.ingestion.IngestReport;
import io.datagent.local.IngestCommand;
import io.datagent.local.LocalRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code ./agent eval} and {@code ./agent bench answers} share: the benchmark file and the sample tables. */
public final class EvalSetup {

  /** The serving tables {@code ./agent ingest} makes of the three energy samples. */
  public static final List<String> SAMPLE_TABLES = List.of("cammesa_res", "potenciainstalada", "todos_010601a_cuadro_i_5_1a");

  private EvalSetup() {}

  /** {@code --benchmark FILE} from the arguments (removed from them), else the repository's energy benchmark. */
  public static Path benchmark(List<String> args, LocalRuntime rt) {
    int at = args.indexOf("--benchmark");
    if (at >= 0) {
      if (at + 1 >= args.size()) {
        throw new IllegalArgumentException("--benchmark necesita un archivo JSONL");
      }
      Path p = Path.of(args.get(at + 1));
      args.remove(at + 1);
      args.remove(at);
      return p;
    }
    return rt.projectRoot().resolve(BenchmarkFile.DEFAULT);
  }

  public static List<String> mutable(List<String> args) {
    return new ArrayList<>(args);
  }

  /** Loads the sample files when the workspace lacks any of their tables (as {@code ./agent demo} does). */
  public static void ensureSamples(LocalRuntime rt) throws IOException {
    Path serving = rt.workspace().tables().resolve("serving");
    boolean missing = SAMPLE_TABLES.stream().anyMatch(t -> !Files.isDirectory(serving.resolve(t).resolve("_delta_log")));
    if (missing) {
      System.out.println("Cargando los archivos de ejemplo de " + rt.samples() + "…");
      IngestReport report = IngestCommand.ingest(rt, rt.samples(), List.of());
      if (report.anyFailed()) {
        throw new IllegalStateException("no se cargaron los ejemplos: " + report.summary());
      }
    }
  }
}
