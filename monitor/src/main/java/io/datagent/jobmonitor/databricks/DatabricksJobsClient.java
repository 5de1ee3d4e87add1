package io.datagent.jobmonitor.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.detect.RepairRequest;
import io.datagent.jobmonitor.detect.RunJson;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.RunPage;
import io.datagent.jobmonitor.detect.RunQuery;
import io.datagent.jobmonitor.detect.TaskRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link JobsClient} over the Databricks Jobs API 2.2 REST endpoints ({@code runs/list}, {@code runs/get},
 * {@code runs/get-output}, {@code runs/repair}, {@code run-now}).
 *
 * <p>Plain HTTP rather than the Java SDK: the same JSON, one fewer 10 MB-class dependency in the App, and the
 * retry rules (429 with Retry-After, 5xx) are ours to test against a loopback server.
 */
public final class DatabricksJobsClient implements JobsClient {

  private static final String API = "/api/2.2/jobs/";

  private final DatabricksHttp http;

  public DatabricksJobsClient(URI host, java.util.function.Supplier<String> token, RetryPolicy retry) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    this.http = new DatabricksHttp(normalize(host), token, client, retry);
  }

  /** From {@code DATABRICKS_HOST} and the unified-auth variables (see {@link DatabricksToken}). */
  public static DatabricksJobsClient fromEnv(Map<String, String> env) {
    String h = env.get("DATABRICKS_HOST");
    if (h == null || h.isBlank()) {
      throw new IllegalStateException("DATABRICKS_HOST is not set");
    }
    URI host = normalize(URI.create(h.startsWith("http") ? h : "https://" + h));
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    return new DatabricksJobsClient(host, DatabricksToken.fromEnv(host, env, client), RetryPolicy.DEFAULT);
  }

  private static URI normalize(URI host) {
    String s = host.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  @Override
  public RunPage listRuns(RunQuery q) {
    Map<String, String> p = new LinkedHashMap<>();
    if (q.completedOnly()) {
      p.put("completed_only", "true");
    }
    if (q.activeOnly()) {
      p.put("active_only", "true");
    }
    if (q.startTimeFrom() != null) {
      p.put("start_time_from", String.valueOf(q.startTimeFrom()));
    }
    if (q.jobId() != null) {
      p.put("job_id", String.valueOf(q.jobId()));
    }
    p.put("expand_tasks", String.valueOf(q.expandTasks()));
    p.put("limit", String.valueOf(q.limit()));
    p.put("page_token", q.pageToken());
    return RunJson.page(http.get(API + "runs/list", p));
  }

  @Override
  public JobRun getRun(long runId) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("run_id", String.valueOf(runId));
    JsonNode first = http.get(API + "runs/get", p);
    JobRun run = RunJson.run(first);
    String token = first.path("next_page_token").asText(null);
    if (token == null || token.isEmpty()) {
      return run;
    }
    // Jobs API 2.2 pages the tasks of runs with more than 100 of them
    List<TaskRun> tasks = new ArrayList<>(run.tasks());
    while (token != null && !token.isEmpty()) {
      p.put("page_token", token);
      JsonNode page = http.get(API + "runs/get", p);
      page.path("tasks").forEach(t -> tasks.add(RunJson.task(t)));
      token = page.path("next_page_token").asText(null);
    }
    return new JobRun(run.runId(), run.jobId(), run.runName(), run.lifeCycleState(), run.resultState(),
        run.stateMessage(), run.userCancelledOrTimedout(), run.terminationCode(), run.terminationType(),
        run.startTime(), run.endTime(), run.runPageUrl(), tasks, run.jobParameters(), run.repairs(), false);
  }

  @Override
  public RunOutput getRunOutput(long taskRunId) {
    return RunJson.output(http.get(API + "runs/get-output", Map.of("run_id", String.valueOf(taskRunId))));
  }

  @Override
  public long repairRun(RepairRequest r) {
    ObjectNode body = RunJson.MAPPER.createObjectNode().put("run_id", r.runId());
    if (r.rerunTasks().isEmpty()) {
      body.put("rerun_all_failed_tasks", true);
    } else {
      r.rerunTasks().forEach(body.putArray("rerun_tasks")::add);
    }
    if (r.latestRepairId() != null) {
      body.put("latest_repair_id", r.latestRepairId());
    }
    if (!r.jobParameters().isEmpty()) {
      ObjectNode params = body.putObject("job_parameters");
      r.jobParameters().forEach(params::put);
    }
    return http.post(API + "runs/repair", body).path("repair_id").asLong();
  }

  @Override
  public long runNow(long jobId, Map<String, String> jobParameters, String idempotencyToken) {
    ObjectNode body = RunJson.MAPPER.createObjectNode().put("job_id", jobId);
    if (idempotencyToken != null) {
      body.put("idempotency_token", idempotencyToken);
    }
    if (!jobParameters.isEmpty()) {
      ObjectNode params = body.putObject("job_parameters");
      jobParameters.forEach(params::put);
    }
    return http.post(API + "run-now", body).path("run_id").asLong();
  }

  @Override
  public String jobUrl(Long jobId) {
    return jobId == null ? null : http.host() + "/jobs/" + jobId;
  }
}
