package io.datagent.local.monitor;

import io.datagent.config.ArgSpec;
import io.datagent.embedding.EmbedJob;
import io.datagent.ingestion.IngestJob;
import io.datagent.jobmonitor.detect.JobParameter;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.local.LocalCommand;
import io.datagent.jobmonitor.local.LocalRunFiles;
import io.datagent.local.LocalRuntime;
import io.datagent.maintenance.MaintenanceJob;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Records each {@code ./agent ingest|embed|maintain} run as Jobs API 2.2 JSON under {@code <workspace>/state/runs/}
 * (see {@link LocalRunFiles}): started, then SUCCESS or FAILED with the error text, its trace and the command's
 * output as logs, so the monitor supervises real local runs exactly as it supervises Databricks ones.
 *
 * <p>Recording never changes what the command does: if the state folder cannot be written, the command runs as if
 * there were no recorder.
 */
public final class RunRecorder {

  /** A job as Databricks would name it, and the parameters its class declares. */
  record Job(long id, String name, String taskKey, Supplier<ArgSpec> spec) {}

  static final Map<String, Job> JOBS = Map.of(
      "ingest", new Job(1, "datagent ingestion", "ingest", IngestJob::argSpec),
      "embed", new Job(2, "datagent embeddings", "embed", EmbedJob::argSpec),
      "maintain", new Job(3, "datagent maintenance", "maintain", MaintenanceJob::argSpec));

  /** The command's body, as {@code AgentCli} runs it. */
  @FunctionalInterface
  public interface Body {
    int run() throws Exception;
  }

  private RunRecorder() {}

  public static LocalRunFiles files(LocalRuntime rt) {
    return new LocalRunFiles(rt.workspace().state().resolve("runs"));
  }

  /** Runs {@code body}; when {@code command} is a job, records the run around it. */
  public static int around(LocalRuntime rt, String command, List<String> args, Body body) throws Exception {
    Job job = JOBS.get(command);
    if (job == null) {
      return body.run();
    }
    LocalRunFiles files;
    JobRun run;
    try {
      files = files(rt);
      closeAbandoned(files);
      run = files.start(job.id(), job.name(), job.taskKey(), parameters(job, args),
          new LocalCommand(command, args, ProcessHandle.current().pid()));
    } catch (RuntimeException e) {
      System.err.println("Aviso: no se pudo registrar la ejecución para el monitor: " + e.getMessage());
      return body.run();
    }
    return record(files, run.runId(), command, body);
  }

  /**
   * Ends as FAILED every run still recorded as running whose process is gone (killed, or the machine stopped): a run
   * a kill -9 interrupted would otherwise look RUNNING to the monitor forever. Only original attempts are judged by
   * their process id (repairs run inside the App, whose id the record does not hold). Returns how many were closed.
   */
  public static int closeAbandoned(LocalRunFiles files) {
    int closed = 0;
    for (io.datagent.jobmonitor.detect.JobRun r : files.all()) {
      if (!r.isActive() || r.repairs().size() > 1) {
        continue;
      }
      java.util.Optional<io.datagent.jobmonitor.local.LocalCommand> cmd = files.command(r.runId());
      if (cmd.isEmpty() || cmd.get().pid() <= 0 || cmd.get().pid() == ProcessHandle.current().pid()
          || ProcessHandle.of(cmd.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
        continue;
      }
      String why = "La ejecución se interrumpió: el proceso " + cmd.get().pid() + " (./agent " + cmd.get().command()
          + ") terminó sin cerrarla (apagado, falta de memoria o kill -9). Vuelve a lanzarla; lo ya confirmado se conserva.";
      try {
        files.finish(r.runId(), false, "RUN_EXECUTION_ERROR", why, new RunOutput(why, null, "", false));
        closed++;
      } catch (RuntimeException e) {
        System.err.println("Aviso: no se pudo cerrar la ejecución interrumpida " + r.runId() + ": " + e.getMessage());
      }
    }
    return closed;
  }

  /** Runs {@code body} as the latest attempt (original or repair) of a recorded run, and records how it ended. */
  static int record(LocalRunFiles files, long runId, String command, Body body) throws Exception {
    try (OutputTap tap = OutputTap.install()) {
      int code;
      try {
        code = body.run();
      } catch (Exception | Error e) {
        files.finish(runId, false, "RUN_EXECUTION_ERROR", "La tarea falló: " + e.getClass().getSimpleName(),
            new RunOutput(e.toString(), trace(e), tap.text(), tap.truncated()));
        throw e;
      }
      if (code == 0) {
        files.finish(runId, true, null, "", new RunOutput(null, null, tap.text(), tap.truncated()));
      } else {
        files.finish(runId, false, "RUN_EXECUTION_ERROR", "La tarea terminó con código " + code,
            new RunOutput(errorText(command, code, tap.text()), null, tap.text(), tap.truncated()));
      }
      return code;
    }
  }

  /**
   * The error a command that returned non-zero without throwing reports: IngestJob's own failure message (the
   * {@code ✗} lines of the files that failed), or the last lines of its output.
   */
  static String errorText(String command, int code, String output) {
    List<String> failed = output.lines().map(String::strip).filter(l -> l.startsWith("✗"))
        .map(l -> "  - " + l.substring(1).strip()).collect(Collectors.toList());
    if (command.equals("ingest") && !failed.isEmpty()) {
      return "La ingesta terminó con archivos con error:\n" + String.join("\n", failed);
    }
    if (!failed.isEmpty()) {
      return "./agent " + command + " terminó con código " + code + ":\n" + String.join("\n", failed);
    }
    List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
    return "./agent " + command + " terminó con código " + code + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** The job's declared parameters, with the values this command line gives (the rest keep their defaults). */
  static List<JobParameter> parameters(Job job, List<String> args) {
    List<JobParameter> out = new ArrayList<>();
    for (ArgSpec.Param p : job.spec().get().params().values()) {
      String value = null;
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("--" + p.name())) {
          value = p.flag() && (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) ? "true"
              : i + 1 < args.size() ? args.get(i + 1) : null;
        } else if (a.startsWith("--" + p.name() + "=")) {
          value = a.substring(p.name().length() + 3);
        }
      }
      out.add(new JobParameter(p.name(), p.defaultValue() == null ? "" : p.defaultValue(), value));
    }
    return out;
  }

  private static String trace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
