package io.datagent.ingestion.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Spark JAR task (needs no Spark): fetches every page of every API source and keeps them as received under
 * {@code <uploads>/api/<source>/<run>/}. A retried task with the same {@code --run-id} resumes after the last saved
 * page. Fails the task when any source failed, after trying all of them; the error is kept in the source's state.
 */
public final class ApiExtractJob {

  private ApiExtractJob() {}

  /** The task parameters (checked against the bundle by the tests module). */
  public static io.datagent.config.ArgSpec argSpec() {
    return ApiJobConfig.argSpec("ApiExtractJob");
  }

  public static List<String> run(ApiJobConfig cfg, SecretLookup secrets, Consumer<String> progress) {
    return run(cfg, source -> PageFetcher.standard(source, secrets), progress);
  }

  /** As {@link #run(ApiJobConfig, SecretLookup, Consumer)}, with each source's pages fetched by {@code fetchers}. */
  public static List<String> run(ApiJobConfig cfg, Function<ApiSource, PageFetcher> fetchers, Consumer<String> progress) {
    List<String> errors = new ArrayList<>();
    for (ApiSource source : cfg.definitions()) {
      progress.accept("Extracción " + cfg.runId() + " de la fuente " + source.name() + " (" + source.baseUrl() + ")");
      try {
        new ApiExtractor(source, fetchers.apply(source), progress).run(cfg.uploads(), cfg.runId());
      } catch (RuntimeException e) {
        errors.add(e.getMessage());
        progress.accept("  ✗ " + e.getMessage());
        SourceState old = SourceState.read(cfg.uploads(), source.name());
        new SourceState(old.highWaterMark(), cfg.runId(), "FAILED", e.getMessage(), Instant.now().toString(), old.loaded())
            .write(cfg.uploads(), source.name());
      }
    }
    return errors;
  }

  public static void main(String[] args) {
    ApiJobConfig cfg = ApiJobConfig.parse("ApiExtractJob", args);
    List<String> errors = run(cfg, SecretLookup.fromEnvironment(System.getenv()), System.out::println);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("La extracción terminó con errores:\n  - " + String.join("\n  - ", errors));
    }
  }
}
