package io.datagent.app.trace;

import io.datagent.app.state.JsonCodec;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chooses the trace exporter from the environment: OTLP to {@code DATAGENT_OTLP_TRACES_ENDPOINT}, else to
 * {@code MLFLOW_TRACKING_URI}{@code /v1/traces} when that is an http(s) URL (an MLflow 3 server), into experiment
 * {@code MLFLOW_EXPERIMENT_ID}; none otherwise.
 */
public final class TraceExporters {

  private TraceExporters() {}

  /** @param auth headers for the export (a bearer token when the server is the Databricks workspace) */
  public static TraceExporter fromEnv(Map<String, String> env, Supplier<Map<String, String>> auth, JsonCodec json) {
    String endpoint = blankToNull(env.get("DATAGENT_OTLP_TRACES_ENDPOINT"));
    String tracking = blankToNull(env.get("MLFLOW_TRACKING_URI"));
    if (endpoint == null && tracking != null && tracking.startsWith("http")) {
      endpoint = (tracking.endsWith("/") ? tracking.substring(0, tracking.length() - 1) : tracking) + "/v1/traces";
    }
    if (endpoint == null) {
      return TraceExporter.none();
    }
    String experiment = blankToNull(env.get("MLFLOW_EXPERIMENT_ID"));
    if (experiment == null) {
      throw new IllegalArgumentException("MLFLOW_EXPERIMENT_ID is required when traces are exported to " + endpoint);
    }
    return new OtlpTraceExporter(endpoint, experiment, auth, json);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
