package io.datagent.jobmonitor.databricks;

import com.databricks.sdk.service.jobs.ListRunsRequest;
import com.databricks.sdk.service.jobs.RepairRun;
import com.databricks.sdk.service.jobs.Run;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.detect.RepairRequest;
import io.datagent.jobmonitor.detect.RunJson;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.RunPage;
import io.datagent.jobmonitor.detect.RunQuery;
import io.datagent.jobmonitor.detect.TaskRun;
import io.datagent.platform.Json;
import io.datagent.platform.jobs.PlatformJobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link JobsClient} on the platform layer's Jobs API (databricks-sdk-java, Jobs API 2.2). The SDK's objects are
 * read back as the API's JSON by {@link RunJson}, the one parser of runs the monitor has for both sources.
 */
public final class DatabricksJobsClient implements JobsClient {

  private final PlatformJobs jobs;

  public DatabricksJobsClient(PlatformJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public RunPage listRuns(RunQuery q) {
    ListRunsRequest r = new ListRunsRequest().setExpandTasks(q.expandTasks()).setLimit((long) q.limit())
        .setPageToken(q.pageToken()).setStartTimeFrom(q.startTimeFrom()).setJobId(q.jobId());
    if (q.completedOnly()) {
      r.setCompletedOnly(true);
    }
    if (q.activeOnly()) {
      r.setActiveOnly(true);
    }
    return RunJson.page(Json.tree(jobs.listRuns(r)));
  }

  @Override
  public JobRun getRun(long runId) {
    Run first = jobs.getRun(runId, null);
    JobRun run = RunJson.run(Json.tree(first));
    String token = first.getNextPageToken();
    if (token == null || token.isEmpty()) {
      return run;
    }
    // Jobs API 2.2 pages the tasks of runs with more than 100 of them
    List<TaskRun> tasks = new ArrayList<>(run.tasks());
    while (token != null && !token.isEmpty()) {
      Run page = jobs.getRun(runId, token);
      Json.tree(page).path("tasks").forEach(t -> tasks.add(RunJson.task(t)));
      token = page.getNextPageToken();
    }
    return new JobRun(run.runId(), run.jobId(), run.runName(), run.lifeCycleState(), run.resultState(),
        run.stateMessage(), run.userCancelledOrTimedout(), run.terminationCode(), run.terminationType(),
        run.startTime(), run.endTime(), run.runPageUrl(), tasks, run.jobParameters(), run.repairs(), false);
  }

  @Override
  public RunOutput getRunOutput(long taskRunId) {
    return RunJson.output(Json.tree(jobs.getRunOutput(taskRunId)));
  }

  @Override
  public long repairRun(RepairRequest r) {
    RepairRun body = new RepairRun().setRunId(r.runId()).setLatestRepairId(r.latestRepairId());
    if (r.rerunTasks().isEmpty()) {
      body.setRerunAllFailedTasks(true);
    } else {
      body.setRerunTasks(r.rerunTasks());
    }
    if (!r.jobParameters().isEmpty()) {
      body.setJobParameters(r.jobParameters());
    }
    return jobs.repairRun(body);
  }

  @Override
  public long runNow(long jobId, Map<String, String> jobParameters, String idempotencyToken) {
    return jobs.runNow(jobId, jobParameters, idempotencyToken);
  }

  @Override
  public String jobUrl(Long jobId) {
    return jobId == null ? null : jobs.jobUrl(jobId);
  }
}
