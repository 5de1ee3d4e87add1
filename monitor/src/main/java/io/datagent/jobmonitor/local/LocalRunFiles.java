package io.datagent.jobmonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.jobmonitor.detect.JobParameter;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsException;
import io.datagent.jobmonitor.detect.RepairEntry;
import io.datagent.jobmonitor.detect.RunJson;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.TaskRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs the local runtime records, in the Jobs API 2.2 JSON, one folder per run under
 * {@code <workspace>/state/runs/<run_id>/}: {@code run.json} ({@code runs/get} shape), {@code output-<task_run_id>.json}
 * ({@code runs/get-output} shape) and {@code command.json} (the command line, to repair by running it again).
 *
 * <p>Files are replaced atomically, so a reader never sees half a run. Task run ids are {@code run_id * 100 + n}
 * (n = 1 for the original attempt, then one per repair), so an output is found from its task run id alone.
 */
public final class LocalRunFiles {

  private final Path dir;

  public LocalRunFiles(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Records a run that has just started (RUNNING), with one task and the job's declared parameters. */
  public synchronized JobRun start(long jobId, String jobName, String taskKey, List<JobParameter> params, LocalCommand cmd) {
    long now = System.currentTimeMillis();
    long runId = now;
    Path runDir;
    while (true) {
      runDir = dir.resolve(String.valueOf(runId));
      try {
        Files.createDirectories(dir);
        Files.createDirectory(runDir);
        break;
      } catch (FileAlreadyExistsException e) {
        runId++;
      } catch (IOException e) {
        throw new UncheckedIOException("No se pudo registrar la ejecución en " + dir, e);
      }
    }
    TaskRun task = new TaskRun(runId * 100 + 1, taskKey, "RUNNING", null, "", null, 0, now, 0, null);
    JobRun run = new JobRun(runId, jobId, jobName, "RUNNING", null, "", false, null, null, now, 0,
        runDir.resolve("run.json").toUri().toString(), List.of(task), params,
        List.of(new RepairEntry("ORIGINAL", runId, now, 0, "RUNNING", null, List.of(task.runId()))), false);
    write(runDir.resolve("command.json"), RunJson.MAPPER.valueToTree(cmd).toString());
    save(run);
    return run;
  }

  /** Ends the latest attempt of a run (original or repair): SUCCESS, or FAILED with its termination code and output. */
  public synchronized JobRun finish(long runId, boolean success, String code, String message, RunOutput output) {
    JobRun r = read(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " not recorded"));
    long now = System.currentTimeMillis();
    String result = success ? "SUCCESS" : "FAILED";
    String term = success ? "SUCCESS" : code == null ? "RUN_EXECUTION_ERROR" : code;
    List<TaskRun> tasks = new ArrayList<>();
    for (TaskRun t : r.tasks()) {
      tasks.add("RUNNING".equals(t.lifeCycleState()) || "PENDING".equals(t.lifeCycleState())
          ? new TaskRun(t.runId(), t.taskKey(), "TERMINATED", result, message, term, t.attemptNumber(), t.startTime(), now, t.runPageUrl())
          : t);
    }
    List<RepairEntry> repairs = new ArrayList<>();
    for (int i = 0; i < r.repairs().size(); i++) {
      RepairEntry e = r.repairs().get(i);
      repairs.add(i == r.repairs().size() - 1
          ? new RepairEntry(e.type(), e.id(), e.startTime(), now, "TERMINATED", result, e.taskRunIds()) : e);
    }
    JobRun done = new JobRun(r.runId(), r.jobId(), r.runName(), "TERMINATED", result, message, false, term,
        success ? "SUCCESS" : "CLIENT_ERROR", r.startTime(), now, r.runPageUrl(), tasks, r.jobParameters(), repairs, false);
    if (output != null) {
      long taskRunId = tasks.get(tasks.size() - 1).runId();
      write(dir.resolve(String.valueOf(runId)).resolve("output-" + taskRunId + ".json"), RunJson.toJson(output).toString());
    }
    save(done);
    return done;
  }

  /**
   * Starts a repair: refuses when {@code latestRepairId} is not the run's latest (like the API), then adds a REPAIR
   * entry and a new task attempt (PENDING) with the new job parameters.
   */
  public synchronized JobRun startRepair(long runId, Long latestRepairId, Map<String, String> params) {
    JobRun r = read(runId).orElseThrow(() -> new JobsException("run " + runId + " does not exist", false));
    if (r.isActive()) {
      throw new JobsException("run " + runId + " is still active and cannot be repaired", false);
    }
    if (!java.util.Objects.equals(r.latestRepairId(), latestRepairId)) {
      throw new JobsException("latest_repair_id " + latestRepairId + " is not the latest repair of run " + runId
          + " (" + r.latestRepairId() + ")", false);
    }
    long now = System.currentTimeMillis();
    int attempt = r.attempt() + 1;
    long repairId = runId * 100 + 50 + attempt;
    TaskRun last = r.tasks().get(r.tasks().size() - 1);
    TaskRun task = new TaskRun(runId * 100 + 1 + attempt, last.taskKey(), "PENDING", null, "", null, attempt, now, 0, null);
    List<TaskRun> tasks = new ArrayList<>(r.tasks());
    tasks.add(task);
    List<RepairEntry> repairs = new ArrayList<>(r.repairs());
    repairs.add(new RepairEntry("REPAIR", repairId, now, 0, "PENDING", null, List.of(task.runId())));
    List<JobParameter> newParams = new ArrayList<>();
    for (JobParameter p : r.jobParameters()) {
      newParams.add(params.containsKey(p.name()) ? new JobParameter(p.name(), p.defaultValue(), params.get(p.name())) : p);
    }
    JobRun repaired = new JobRun(r.runId(), r.jobId(), r.runName(), "PENDING", null, "Reparación " + repairId + " en cola",
        false, null, null, r.startTime(), 0, r.runPageUrl(), tasks, newParams, repairs, false);
    save(repaired);
    return repaired;
  }

  public Optional<JobRun> read(long runId) {
    Path f = dir.resolve(String.valueOf(runId)).resolve("run.json");
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    return Optional.of(RunJson.run(json(f)));
  }

  public List<JobRun> all() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<JobRun> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path f = p.resolve("run.json");
        if (Files.isRegularFile(f)) {
          out.add(RunJson.run(json(f)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public RunOutput output(long taskRunId) {
    Path f = dir.resolve(String.valueOf(taskRunId / 100)).resolve("output-" + taskRunId + ".json");
    return Files.isRegularFile(f) ? RunJson.output(json(f)) : RunOutput.EMPTY;
  }

  public Optional<LocalCommand> command(long runId) {
    Path f = dir.resolve(String.valueOf(runId)).resolve("command.json");
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(RunJson.MAPPER.treeToValue(json(f), LocalCommand.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void save(JobRun run) {
    write(dir.resolve(String.valueOf(run.runId())).resolve("run.json"), RunJson.toJson(run).toPrettyString());
  }

  private static JsonNode json(Path f) {
    try {
      return RunJson.MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + f, e);
    }
  }

  private static void write(Path target, String content) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + target, e);
    }
  }
}
