package io.datagent.local.monitor;

import io.datagent.jobmonitor.detect.JobParameter;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.local.LocalCommand;
import io.datagent.jobmonitor.local.LocalRepairs;
import io.datagent.jobmonitor.local.LocalRunFiles;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Local repairs: runs the recorded {@code ./agent} command again, in this process and on its own thread (a repair
 * on Databricks also returns before the run ends), with the repair's job parameters as {@code --name value}, and
 * records the result as the repair's attempt of the same run.
 */
public final class LocalRepairRunner implements LocalRepairs, AutoCloseable {

  private final Function<String, Command> commands;
  private final LocalRuntime rt;
  private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "local-repair");
    t.setDaemon(true);
    return t;
  });
  private final List<Future<?>> running = new ArrayList<>();

  /** @param commands the {@code ./agent} commands by name, e.g. {@code new AgentCli()::command} */
  public LocalRepairRunner(Function<String, Command> commands, LocalRuntime rt) {
    this.commands = commands;
    this.rt = rt;
  }

  @Override
  public synchronized void execute(LocalRunFiles files, JobRun repaired, LocalCommand cmd) {
    Command c = cmd == null ? null : commands.apply(cmd.command());
    if (c == null) {
      LocalRepairs.recordOnly().execute(files, repaired, cmd);
      return;
    }
    List<String> argv = withParameters(cmd.args(), repaired.jobParameters());
    System.out.println("Monitor: reparando la ejecución " + repaired.runId() + ": ./agent " + cmd.command() + " "
        + String.join(" ", argv));
    running.add(exec.submit(() -> {
      try {
        RunRecorder.record(files, repaired.runId(), cmd.command(), () -> c.run(argv, rt));
      } catch (Exception | Error e) {
        // already recorded as the repair's failure; the monitor reads it from the run files
        if (e instanceof Error err && !(e instanceof OutOfMemoryError)) {
          throw err;
        }
      }
      return null;
    }));
  }

  /** The original arguments with each parameter that has a value set to it (replaced, or appended). */
  static List<String> withParameters(List<String> args, List<JobParameter> params) {
    List<String> out = new ArrayList<>(args);
    for (JobParameter p : params) {
      if (p.value() == null) {
        continue;
      }
      int at = out.indexOf("--" + p.name());
      if (at >= 0 && at + 1 < out.size() && !out.get(at + 1).startsWith("--")) {
        out.set(at + 1, p.value());
      } else if (at >= 0) {
        out.add(at + 1, p.value());
      } else {
        out.add("--" + p.name());
        out.add(p.value());
      }
    }
    return out;
  }

  /** Waits until the repairs started so far have ended (for {@code ./agent monitor --once}). */
  public void awaitIdle(Duration timeout) throws Exception {
    List<Future<?>> copy;
    synchronized (this) {
      copy = new ArrayList<>(running);
    }
    long end = System.nanoTime() + timeout.toNanos();
    for (Future<?> f : copy) {
      f.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void close() {
    exec.shutdownNow();
  }

}
