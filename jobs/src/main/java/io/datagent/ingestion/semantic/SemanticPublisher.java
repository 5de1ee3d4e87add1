package io.datagent.ingestion.semantic;

import io.datagent.semantic.MetricViewYaml;
import io.datagent.semantic.SemanticModel;
import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.TableProfile;
import io.datagent.spark.TableRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;

/**
 * Derives a serving table's semantic model after the ingestion wrote it and keeps it where the App reads it: profile
 * with Spark ({@link SparkTableProfiler}), {@link SemanticModels#derive}, the engineer's override
 * ({@link ModelOverride}), then {@code modelos/<table>.yaml} written atomically and, behind the switch, the metric view.
 *
 * <p>NOTE: never throws: the table is already loaded, so what goes wrong here comes back as warnings (Spanish) for
 * the ingestion log, and a bad override leaves the derived model in place.
 */
public final class SemanticPublisher {

  /** What was kept: the file (null when it could not be written), the model and any warnings. */
  public record Published(Path file, SemanticModel model, List<String> warnings, String metricViewSql) {}

  private final SparkSession spark;
  private final SemanticConfig cfg;

  public SemanticPublisher(SparkSession spark, SemanticConfig cfg) {
    this.spark = spark;
    this.cfg = cfg;
  }

  /**
   * @param table the serving table
   * @param qualified its name as the App's SQL writes it ({@code serving.table}), the model's {@code source}
   */
  public Published publish(TableRef table, String qualified) {
    List<String> warnings = new ArrayList<>();
    SemanticModel model;
    Set<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    try {
      TableProfile profile = new SparkTableProfiler(spark).profile(table, qualified);
      profile.columns().forEach(c -> columns.add(c.name()));
      model = SemanticModels.derive(profile);
    } catch (RuntimeException e) {
      warnings.add("no se pudo derivar el modelo semántico de " + table.table() + ": " + root(e));
      return new Published(null, null, warnings, null);
    }
    Path override = cfg.overrideFile(table.table());
    if (Files.isRegularFile(override)) {
      try {
        model = ModelOverride.apply(model, Files.readString(override, StandardCharsets.UTF_8), columns);
      } catch (ModelOverride.OverrideException | IOException e) {
        warnings.add("el ajuste del modelo semántico " + SemanticConfig.FOLDER + "/" + override.getFileName()
            + " no se aplicó (" + e.getMessage() + "); se usa el modelo derivado");
      }
    }
    Path file = cfg.modelFile(table.table());
    try {
      writeAtomically(file, MetricViewYaml.writeBundle(model));
    } catch (IOException | RuntimeException e) {
      warnings.add("no se pudo guardar el modelo semántico en " + file + ": " + root(e));
      file = null;
    }
    String sql = null;
    if (cfg.metricViews()) {
      try {
        sql = MetricViewSql.create(table, model);
        spark.sql(sql);
      } catch (Exception e) { // AnalysisException is checked but undeclared
        warnings.add("no se pudo publicar la vista de métricas " + MetricViewSql.view(table) + ": " + root(e));
      }
    }
    return new Published(file, model, warnings, sql);
  }

  /** Writes beside the target and moves it in place, so a reader never sees half a file. */
  static void writeAtomically(Path target, String text) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING); // Volumes (FUSE) may not rename atomically
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String root(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage() == null || c.getMessage().isBlank() ? c.getClass().getSimpleName() : c.getMessage().strip().split("\\R")[0];
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }
}
