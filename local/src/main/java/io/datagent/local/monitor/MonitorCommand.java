package io.datagent.local.monitor;

import io.datagent.jobmonitor.JobMonitor;
import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.config.MonitorConfigLoader;
import io.datagent.jobmonitor.store.Decision;
import io.datagent.local.AgentCli;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import io.datagent.local.app.LocalPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code ./agent monitor [--once] [--interval SEGUNDOS]}: the supervisory monitor over the runs this workspace
 * recorded ({@code ./agent ingest|embed|maintain}), with the workspace's PostgreSQL (the App's, when it is not
 * already running). Failures are classified and healed as on Databricks: repairs run the command again here,
 * emails go to SMTP if configured ({@code DATAGENT_SMTP_HOST}) or to {@code <workspace>/state/monitor/outbox/}.
 */
public final class MonitorCommand implements Command {

  private final AgentCli cli;

  public MonitorCommand(AgentCli cli) {
    this.cli = cli;
  }

  @Override
  public String name() {
    return "monitor";
  }

  @Override
  public String summary() {
    return "monitor [--once]      vigila las ejecuciones locales: clasifica los fallos, repara o avisa por correo";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    List<String> rest = new ArrayList<>(args);
    boolean once = rest.remove("--once");
    Integer interval = null;
    int at = rest.indexOf("--interval");
    if (at >= 0) {
      if (at + 1 >= rest.size()) {
        throw new IllegalArgumentException("monitor: --interval necesita un número de segundos");
      }
      try {
        interval = Integer.parseInt(rest.get(at + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("monitor: --interval debe ser un número de segundos, no " + rest.get(at + 1));
      }
      rest.subList(at, at + 2).clear();
    }
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException("monitor: argumento inesperado " + rest.get(0) + ". Uso: ./agent monitor [--once] [--interval SEGUNDOS]");
    }
    MonitorConfig cfg = MonitorConfigLoader.load(rt.env().asMap());
    if (interval != null) {
      cfg = cfg.withTiming(Duration.ofSeconds(Math.max(1, interval)), cfg.backoff(), cfg.settle());
    }
    Workspace ws = rt.workspace().create();
    try (LocalPostgres pg = LocalPostgres.inWorkspace(ws.state());
         LocalRepairRunner repairs = new LocalRepairRunner(cli::command, rt)) {
      DataSource ds;
      try {
        ds = pg.start();
      } catch (RuntimeException e) {
        System.err.println("No se pudo arrancar PostgreSQL en " + pg.dataDirectory() + " (¿está el App en marcha? "
            + "entonces el monitor ya corre dentro del App): " + e.getMessage());
        return 1;
      }
      var model = io.datagent.jobmonitor.classify.MonitorChatModels.create(io.datagent.jobmonitor.classify.MonitorLlmConfig.fromEnv(rt.env().asMap()), null);
      if (io.datagent.jobmonitor.classify.MonitorChatModels.enabled(model)) {
        System.out.println("Los fallos que las reglas no reconocen se consultan al modelo en "
            + io.datagent.jobmonitor.classify.MonitorChatModels.describe(model));
      }
      try (JobMonitor monitor = JobMonitor.local(ds, ws.state(), repairs, cfg, model)) {
        System.out.println("Monitor local: ejecuciones en " + ws.state().resolve("runs") + ", estado en PostgreSQL "
            + pg.dataDirectory() + ", correo: " + monitor.status().mail());
        long[] last = {0};
        if (once) {
          monitor.tick();
          repairs.awaitIdle(Duration.ofMinutes(30));
          monitor.tick();
          print(monitor, last);
          var s = monitor.status();
          System.out.println("Monitor: " + s.runsHandled() + " ejecución(es) nuevas, " + s.actionsTaken() + " acción(es)"
              + (s.lastError() == null ? "" : "; aviso: " + s.lastError()));
          return 0;
        }
        System.out.println("Vigilando cada " + cfg.pollInterval().toSeconds() + " s (Ctrl+C para salir)...");
        while (!Thread.currentThread().isInterrupted()) {
          monitor.tick();
          print(monitor, last);
          Thread.sleep(cfg.pollInterval().toMillis());
        }
        return 0;
      }
    }
  }

  private static void print(JobMonitor monitor, long[] last) {
    List<Decision> fresh = new ArrayList<>(monitor.decisions().recent(200, null).stream()
        .filter(d -> d.id() > last[0]).toList());
    fresh.sort(Comparator.comparingLong(Decision::id));
    for (Decision d : fresh) {
      var c = d.classification();
      System.out.printf("  ejecución %d (%s, intento %d): %s, confianza %.2f [%s] → %s%s%n", d.runId(), d.jobName(),
          d.attempt(), c.category().id(), c.confidence(), c.evidence().isEmpty() ? c.stage() : c.evidence().get(0),
          d.plan().action(), d.outcome() == null ? " (pendiente: " + d.plan().notBefore() + ")" : ": " + d.outcome());
      System.out.println("    " + c.explanation());
      last[0] = Math.max(last[0], d.id());
    }
  }
}
