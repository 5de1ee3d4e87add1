package io.datagent.ingestion.api;

import io.datagent.ingestion.FileOutcome;
import io.datagent.ingestion.FileStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Spark JAR task: loads the pages {@link ApiExtractJob} saved for {@code --run-id} into raw and serving tables
 * ({@link ApiLoader}). Sources whose extraction did not finish are reported, not loaded. Fails the task when any
 * endpoint failed, after loading the others.
 */
public final class ApiLoadJob {

  private ApiLoadJob() {}

  /** The task parameters (checked against the bundle by the tests module). */
  public static io.datagent.config.ArgSpec argSpec() {
    return ApiJobConfig.argSpec("ApiLoadJob");
  }

  public static List<FileOutcome> run(SparkSession spark, ApiJobConfig cfg, Consumer<String> progress) {
    List<FileOutcome> all = new ArrayList<>();
    ApiLoader loader = new ApiLoader(spark, cfg.tables(), progress);
    for (ApiSource source : cfg.definitions()) {
      progress.accept("Carga " + cfg.runId() + " de la fuente " + source.name());
      all.addAll(loader.load(source, cfg.uploads(), cfg.runId()));
    }
    return all;
  }

  public static void main(String[] args) {
    ApiJobConfig cfg = ApiJobConfig.parse("ApiLoadJob", args);
    SparkSession spark = SparkSession.builder().getOrCreate();
    List<FileOutcome> out = run(spark, cfg, System.out::println);
    List<String> failed = out.stream().filter(o -> o.status() == FileStatus.FAILED).map(FileOutcome::message).toList();
    if (!failed.isEmpty()) {
      throw new IllegalStateException("La carga terminó con errores:\n  - " + String.join("\n  - ", failed));
    }
  }
}
