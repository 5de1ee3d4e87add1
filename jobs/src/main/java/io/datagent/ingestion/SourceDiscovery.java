package io.datagent.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the files an ingestion run reads: a single file, or every supported file under a folder.
 *
 * <p>A file directly under the root is its own dataset (table named after its stem); files under
 * {@code <root>/<dataset>/} (at any depth) append to table {@code <dataset>}. Hidden files, Office lock files
 * ({@code ~$x.xlsx}), companion dictionaries ({@code <stem>.diccionario.csv}) and unsupported extensions are not
 * data files. The order is stable (by relative path) so re-runs behave the same.
 */
public final class SourceDiscovery {

  public static final Set<String> DATA_EXTENSIONS = Set.of("csv", "txt", "tsv", "xlsx", "xlsm", "xls");
  public static final String DICTIONARY_SUFFIX = ".diccionario.csv";

  private SourceDiscovery() {}

  public static List<SourceFile> discover(Path source) {
    Path root = source.toAbsolutePath().normalize();
    if (!Files.exists(root)) {
      throw new SourceFormatException(source.toString(), 0, "la ruta de origen no existe");
    }
    List<SourceFile> files = new ArrayList<>();
    if (Files.isRegularFile(root)) {
      if (isDataFile(root)) {
        files.add(new SourceFile(root, root.getFileName().toString(), null, size(root)));
      } else {
        throw new SourceFormatException(root.getFileName().toString(), 0,
            "tipo de archivo no admitido; se esperaba .csv, .txt, .xlsx o .xls");
      }
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(SourceDiscovery::isDataFile)
          .filter(p -> !isInsideHiddenFolder(root, p))
          .sorted(Comparator.comparing(p -> root.relativize(p).toString()))
          .forEach(p -> {
            Path rel = root.relativize(p);
            String dataset = rel.getNameCount() > 1 ? rel.getName(0).toString() : null;
            files.add(new SourceFile(p, rel.toString().replace('\\', '/'), dataset, size(p)));
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static boolean isDataFile(Path p) {
    return isDataFileName(p.getFileName().toString());
  }

  /** True for names the ingestion reads as data (not hidden, not a lock file, not a companion dictionary). */
  public static boolean isDataFileName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (name.startsWith(".") || name.startsWith("~$") || lower.endsWith(DICTIONARY_SUFFIX)) {
      return false;
    }
    int dot = lower.lastIndexOf('.');
    return dot > 0 && DATA_EXTENSIONS.contains(lower.substring(dot + 1));
  }

  private static boolean isInsideHiddenFolder(Path root, Path p) {
    Path rel = root.relativize(p);
    for (int i = 0; i < rel.getNameCount() - 1; i++) {
      String part = rel.getName(i).toString();
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
