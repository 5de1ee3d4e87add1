package io.datagent.evaluation.mlflow;

import io.datagent.evaluation.EvalReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.mlflow.tracking.creds.MlflowHostCreds;
import org.mlflow.tracking.creds.MlflowHostCredsProvider;

/**
 * Logs one evaluation as one MLflow run with {@code org.mlflow:mlflow-client}: the experiment found by name (created
 * when missing), params (prompt version, model, semantic-model version, commit…), metrics ({@link RunMetrics}: exact
 * rate overall and per kind, declined, wrong, p50/p99 latency, tokens, cost, and one {@code q/<id>/…} pair per
 * question) and tags, in {@code runs/log-batch} calls within MLflow's limits; with {@link #withArtifacts} also the
 * per-question table as run artifacts ({@link EvalTable}), written without Python.
 *
 * <p>NOTE: never throws for the server's failures (500, persistent 429, unreachable): the evaluation's own results
 * are already kept elsewhere (Delta, the JSON report), so the failure comes back in {@link Logged#error()} and the
 * run, when one was created, is marked FAILED if the server lets us.
 *
 * <p>NOTE: mlflow-client 2.17.2 retries a 429 without releasing the refused response's connection; its pool holds two
 * per host, so a third 429 in a row blocks forever (seen against the loopback server). Every log therefore runs under
 * a deadline; past it the client is closed (which fails the blocked lease) and the timeout is the reported error.
 */
public final class MlflowRunLog {

  /** What logging achieved: the run id (null when none was created) and the error (null when all was logged). */
  public record Logged(String runId, String error) {

    public boolean ok() {
      return error == null;
    }
  }

  static final int MAX_METRICS = 1000;
  static final int MAX_PARAMS = 100;

  /** How long one evaluation's logging may take by default. */
  public static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(120);

  private final Supplier<MlflowClient> client;
  private final java.time.Duration deadline;
  private final RunArtifacts artifacts;

  public MlflowRunLog(Supplier<MlflowClient> client, java.time.Duration deadline) {
    this(client, deadline, RunArtifacts.disabled());
  }

  public MlflowRunLog(Supplier<MlflowClient> client, java.time.Duration deadline, RunArtifacts artifacts) {
    this.client = client;
    this.deadline = deadline;
    this.artifacts = artifacts;
  }

  /**
   * The same log that also writes an evaluation's per-question table ({@link EvalTable}: JSON and CSV) as artifacts
   * of its run through {@code artifacts}. An upload that fails leaves the run FINISHED with its metrics, and the failure
   * in {@link Logged#error()}.
   */
  public MlflowRunLog withArtifacts(RunArtifacts artifacts) {
    return new MlflowRunLog(client, deadline, artifacts);
  }

  /** A tracking server at {@code uri} ({@code http://host:port}) with no credentials. */
  public static MlflowRunLog at(String uri) {
    return new MlflowRunLog(() -> new MlflowClient(new BasicMlflowHostCreds(uri)), DEADLINE);
  }

  public MlflowRunLog withDeadline(java.time.Duration d) {
    return new MlflowRunLog(client, d, artifacts);
  }

  /** A Databricks workspace's MLflow at {@code host}, with a bearer token asked for on every request (OAuth renews). */
  public static MlflowRunLog databricks(String host, Supplier<String> token) {
    MlflowHostCredsProvider creds = new MlflowHostCredsProvider() {
      @Override
      public MlflowHostCreds getHostCreds() {
        return new BasicMlflowHostCreds(host, token.get());
      }

      @Override
      public void refresh() {}
    };
    return new MlflowRunLog(() -> new MlflowClient(creds), DEADLINE);
  }

  /** Logs the run within the deadline; never throws for the server's failures (see the class comment). */
  public Logged log(String experiment, String runName, Map<String, String> params, Map<String, String> tags,
      EvalReport report) {
    return log(experiment, runName, params, tags, RunMetrics.of(report), report);
  }

  /** The same with the metrics given (an optimisation's scores); never throws for the server's failures. */
  public Logged log(String experiment, String runName, Map<String, String> params, Map<String, String> tags,
      Map<String, Double> metrics) {
    return log(experiment, runName, params, tags, metrics, null);
  }

  private Logged log(String experiment, String runName, Map<String, String> params, Map<String, String> tags,
      Map<String, Double> metrics, EvalReport table) {
    MlflowClient c = client.get();
    String[] runId = new String[1];
    java.util.concurrent.CompletableFuture<Logged> f = new java.util.concurrent.CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(log(c, runId, experiment, runName, params, tags, metrics, table));
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, "mlflow-run-log");
    t.setDaemon(true);
    t.start();
    try {
      return f.get(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      c.close(); // fails the lease the client is blocked on
      return new Logged(runId[0], "MLflow no registró la evaluación" + (runId[0] == null ? "" : " (run " + runId[0] + ")")
          + ": sin respuesta en " + deadline.toSeconds() + " s (¿429 persistente?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.close();
      return new Logged(runId[0], "MLflow no registró la evaluación: interrumpido");
    } catch (java.util.concurrent.ExecutionException e) {
      return new Logged(runId[0], "MLflow no registró la evaluación: " + e.getCause());
    } finally {
      c.close();
    }
  }

  private Logged log(MlflowClient c, String[] runIdOut, String experiment, String runName, Map<String, String> params,
      Map<String, String> tags, Map<String, Double> metrics, EvalReport table) {
    String runId = null;
    try {
      String experimentId = c.getExperimentByName(experiment).map(e -> e.getExperimentId())
          .orElseGet(() -> c.createExperiment(experiment));
      long now = System.currentTimeMillis();
      org.mlflow.api.proto.Service.RunInfo info = c.createRun(CreateRun.newBuilder().setExperimentId(experimentId)
          .setRunName(runName).setStartTime(now).build());
      runId = info.getRunId();
      runIdOut[0] = runId;
      List<Param> ps = new ArrayList<>();
      new LinkedHashMap<>(params).forEach((k, v) -> ps.add(Param.newBuilder().setKey(k).setValue(v == null ? "" : v).build()));
      List<RunTag> ts = new ArrayList<>();
      tags.forEach((k, v) -> ts.add(RunTag.newBuilder().setKey(k).setValue(v).build()));
      List<Metric> ms = new ArrayList<>();
      metrics.forEach((k, v) -> ms.add(Metric.newBuilder().setKey(k).setValue(v).setTimestamp(now).setStep(0).build()));
      for (int i = 0; i < Math.max(ms.size(), ps.size()); i += MAX_PARAMS) {
        // one call carries at most 1000 metrics and 100 params and tags together; 100 of each keeps far below
        c.logBatch(runId, ms.subList(Math.min(i, ms.size()), Math.min(i + MAX_PARAMS, ms.size())),
            ps.subList(Math.min(i, ps.size()), Math.min(i + MAX_PARAMS, ps.size())), i == 0 ? ts : List.of());
      }
      String artifactError = table == null || !artifacts.enabled() ? null : writeTable(c, info, table);
      c.setTerminated(runId, RunStatus.FINISHED, System.currentTimeMillis());
      return new Logged(runId, artifactError);
    } catch (RuntimeException e) {
      String error = "MLflow no registró la evaluación" + (runId == null ? "" : " (run " + runId + ")") + ": " + message(e);
      if (runId != null) {
        markFailed(c, runId);
      }
      return new Logged(runId, error);
    }
  }

  /** Uploads the per-question table and tags the run with it; the error to report, or null when both were written. */
  private String writeTable(MlflowClient c, org.mlflow.api.proto.Service.RunInfo info, EvalReport table) {
    try {
      artifacts.put(info.getArtifactUri(), EvalTable.JSON, EvalTable.json(table), "application/json");
      artifacts.put(info.getArtifactUri(), EvalTable.CSV, EvalTable.csv(table), "text/csv");
    } catch (RuntimeException e) {
      return "MLflow registró el run " + info.getRunId() + " (métricas y parámetros), pero no la tabla por pregunta: "
          + message(e);
    }
    c.setTag(info.getRunId(), EvalTable.LOGGED_ARTIFACTS_TAG, EvalTable.LOGGED_ARTIFACTS);
    return null;
  }

  private static void markFailed(MlflowClient c, String runId) {
    try {
      c.setTerminated(runId, RunStatus.FAILED, System.currentTimeMillis());
    } catch (RuntimeException ignored) {
      // the server that just failed may fail again: the first error is the one reported
    }
  }

  private static String message(RuntimeException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.length() > 500 ? m.substring(0, 500) + "…" : m;
  }

}
