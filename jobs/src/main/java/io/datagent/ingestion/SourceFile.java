package io.datagent.ingestion;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One file found under the ingestion source.
 *
 * @param path     absolute path (on Databricks a {@code /Volumes/...} FUSE path)
 * @param relative path relative to the source root, with {@code /}; stored as {@code _source_file}
 * @param dataset  the dataset folder it belongs to ({@code uploads/<dataset>/...}), or null for a file at the root
 * @param size     bytes
 */
public record SourceFile(Path path, String relative, String dataset, long size) {

  public String name() {
    return path.getFileName().toString();
  }

  public String extension() {
    String n = name();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  public String stem() {
    String n = name();
    int dot = n.lastIndexOf('.');
    return dot <= 0 ? n : n.substring(0, dot);
  }

  public boolean isSpreadsheet() {
    return extension().equals("xlsx") || extension().equals("xls") || extension().equals("xlsm");
  }

  /** The dataset name the log records: the folder for dataset files, else the file stem. */
  public String datasetOrStem() {
    return dataset != null ? dataset : stem();
  }
}
