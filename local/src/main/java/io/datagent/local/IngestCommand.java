package io.datagent.local;

import io.datagent.ingestion.IngestJob;
import io.datagent.ingestion.IngestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./agent ingest --source PATH}: puts the file or folder into the local uploads Volume (as a business user
 * would on Databricks) and runs {@link IngestJob} on exactly those files. Extra IngestJob parameters pass through.
 */
public final class IngestCommand implements Command {

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String summary() {
    return "ingest --source RUTA   carga un archivo o carpeta (CSV, Excel) en las tablas raw y serving";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws IOException {
    List<String> rest = new ArrayList<>(args);
    int at = rest.indexOf("--source");
    if (at < 0 || at + 1 >= rest.size()) {
      System.err.println("Uso: ./agent ingest --source RUTA [--parallelism N] [--workspace DIR]");
      return 2;
    }
    Path source = Path.of(rest.get(at + 1));
    rest.remove(at + 1);
    rest.remove(at);
    IngestReport report = ingest(rt, source, rest);
    return report.anyFailed() ? 1 : 0;
  }

  /** Copies {@code source} into the uploads Volume and loads those files. */
  public static IngestReport ingest(LocalRuntime rt, Path source, List<String> extraArgs) throws IOException {
    if (!Files.exists(source)) {
      throw new IllegalArgumentException("No existe la ruta " + source.toAbsolutePath());
    }
    Workspace ws = rt.workspace().create();
    List<String> files = stage(source, ws.uploads());
    List<String> jobArgs = new ArrayList<>(List.of(
        "--source", ws.uploads().toString(),
        "--archive", ws.archive().toString(),
        "--files", String.join(",", files)));
    jobArgs.addAll(extraArgs);
    return IngestJob.run(rt.spark(), IngestJob.config(jobArgs.toArray(String[]::new)));
  }

  /** Copies into uploads (folders keep their layout: sub-folders are datasets); returns the relative data paths. */
  static List<String> stage(Path source, Path uploads) throws IOException {
    Path src = source.toAbsolutePath().normalize();
    Path up = uploads.toAbsolutePath().normalize();
    List<String> relative = new ArrayList<>();
    if (Files.isRegularFile(src)) {
      Path target = src.startsWith(up) ? src : up.resolve(src.getFileName().toString());
      copy(src, target);
      copyCompanion(src, target);
      relative.add(up.relativize(target).toString().replace('\\', '/'));
      return relative;
    }
    try (Stream<Path> walk = Files.walk(src)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        Path target = src.startsWith(up) ? p : up.resolve(src.relativize(p).toString());
        copy(p, target);
        if (io.datagent.ingestion.SourceDiscovery.isDataFileName(p.getFileName().toString())) {
          relative.add(up.relativize(target).toString().replace('\\', '/'));
        }
      }
    }
    if (relative.isEmpty()) {
      throw new IllegalArgumentException("La carpeta " + src + " no contiene archivos .csv, .txt, .xlsx ni .xls");
    }
    return relative;
  }

  private static void copy(Path from, Path to) throws IOException {
    if (from.equals(to)) {
      return;
    }
    Files.createDirectories(to.getParent());
    AtomicFiles.copy(from, to);
  }

  private static void copyCompanion(Path file, Path target) throws IOException {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    Path dict = file.resolveSibling(stem + io.datagent.ingestion.SourceDiscovery.DICTIONARY_SUFFIX);
    if (Files.isRegularFile(dict)) {
      copy(dict, target.resolveSibling(dict.getFileName()));
    }
  }
}
