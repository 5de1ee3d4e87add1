package io.datagent.ingestion.semantic;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an ingestion run keeps each table's semantic model and whether it publishes it as a metric view.
 *
 * <p>Layout of {@code dir} (by default {@code <uploads>/_semantica}, a folder the ingestion never reads as data):
 * {@code <table>.yaml} is an engineer's override, read and never written; {@code modelos/<table>.yaml} is the model
 * the run derived with the override applied (metric view YAML plus sidecar), what the App reads.
 *
 * @param dir the semantic folder, or null to skip the models entirely
 * @param metricViews publish {@code <table>_metricas} with {@code CREATE OR REPLACE VIEW … WITH METRICS} (Databricks
 *     Runtime 17.2 or above for the YAML 1.1 written here)
 */
public record SemanticConfig(Path dir, boolean metricViews) {

  /** Folder under the uploads Volume holding the models. */
  public static final String FOLDER = "_semantica";
  /** Sub-folder of {@link #FOLDER} with the models the ingestion writes. */
  public static final String MODELS = "modelos";

  public static final SemanticConfig DISABLED = new SemanticConfig(null, false);

  /** The default folder for a source: {@code <source>/_semantica}, or beside the file when the source is one. */
  public static SemanticConfig forSource(String source, String dir, boolean metricViews) {
    if (dir != null && !dir.isBlank()) {
      return new SemanticConfig(Path.of(dir), metricViews);
    }
    Path s = Path.of(source);
    Path base = java.nio.file.Files.isRegularFile(s) && s.toAbsolutePath().getParent() != null
        ? s.toAbsolutePath().getParent() : s;
    return new SemanticConfig(base.resolve(FOLDER), metricViews);
  }

  /** Parses a job parameter {@code true}/{@code false}. */
  public static boolean flag(String name, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    throw new IllegalArgumentException("IngestJob: parameter --" + name + " must be true or false, got '" + value + "'");
  }

  public boolean enabled() {
    return dir != null;
  }

  /** An engineer's override for {@code table}. */
  public Path overrideFile(String table) {
    return dir.resolve(table + ".yaml");
  }

  /** The model the ingestion writes for {@code table}. */
  public Path modelFile(String table) {
    return dir.resolve(MODELS).resolve(table + ".yaml");
  }
}
