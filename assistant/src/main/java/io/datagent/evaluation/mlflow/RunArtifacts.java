package io.datagent.evaluation.mlflow;

/**
 * Where an MLflow run's artifact files are written, given the run's {@code artifact_uri} as the tracking server
 * reported it ({@code mlflow-artifacts:/<experiment>/<run>/artifacts} behind a server that proxies artifacts,
 * {@code dbfs:/Volumes/...} for a Databricks experiment whose artifact location is a Unity Catalog Volume).
 * Implementations live where the HTTP client is (the platform module); none shells out to Python, which is what
 * {@code MlflowClient.logArtifact} does.
 *
 * <p>NOTE: {@link #put} throws a {@link RuntimeException} with a readable message when the file was not written; the
 * caller reports it and keeps the run.
 */
@FunctionalInterface
public interface RunArtifacts {

  /** Writes {@code content} as {@code path} (relative, e.g. {@code eval_results_table.json}) under the run's root. */
  void put(String artifactUri, String path, byte[] content, String contentType);

  /** False for {@link #disabled()}: no artifact is attempted and none is reported missing. */
  default boolean enabled() {
    return true;
  }

  /** No artifact store: the per-question table stays in the run's metrics and the evaluation's own tables. */
  static RunArtifacts disabled() {
    return new RunArtifacts() {
      @Override
      public void put(String artifactUri, String path, byte[] content, String contentType) {
        throw new IllegalStateException("MLflow: no hay almacén de artefactos configurado");
      }

      @Override
      public boolean enabled() {
        return false;
      }
    };
  }
}
