package io.datagent.local.optimize;

import io.datagent.app.state.StateDatabase;
import io.datagent.jobmonitor.quality.QualityStore;
import io.datagent.jobmonitor.store.Jdbc;
import io.datagent.jobmonitor.store.MonitorSchema;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.AskCommand;
import io.datagent.local.app.LocalPostgres;
import io.datagent.local.eval.EvalSetup;
import io.datagent.optimization.OptimizationReport;
import io.datagent.optimization.OptimizeConfig;
import io.datagent.optimization.OptimizeJob;
import io.datagent.retrieval.Retriever;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code ./agent optimize [--benchmark F] [OptimizeJob options]}: the loop of OptimizeJob in this process, over the
 * workspace's samples and state database (prompt registry or retrieval tuning); prints each candidate's held-out score
 * and records the run as an intervention on the Monitor page. The App must not be running (one PostgreSQL per
 * workspace).
 */
public final class OptimizeCommand implements Command {

  @Override
  public String name() {
    return "optimize";
  }

  @Override
  public String summary() {
    return "optimize [--benchmark F] prueba candidatos y promueve solo el que mejora la evaluación reservada";
  }

  @Override
  public int run(List<String> argv, LocalRuntime rt) throws Exception {
    List<String> args = new ArrayList<>(argv);
    Path benchmark = EvalSetup.benchmark(args, rt);
    args.add("--benchmark");
    args.add(benchmark.toString());
    if (!args.contains("--reason")) {
      args.add("--reason");
      args.add("a petición (./agent optimize)");
    }
    OptimizeConfig config = OptimizeJob.config(args.toArray(String[]::new));
    EvalSetup.ensureSamples(rt);
    Retriever retriever = AskCommand.retriever(rt);
    try (LocalPostgres pg = LocalPostgres.inWorkspace(rt.workspace().create().state())) {
      DataSource state = pg.start();
      new StateDatabase(state).migrate();
      MonitorSchema.migrate(state);
      System.out.println("Optimizando con " + benchmark + "…");
      OptimizationReport r = LocalOptimization.run(rt, rt.env().asMap(), state, retriever, config);
      for (OptimizationReport.Tried t : r.tried()) {
        System.out.printf("  %-28s %5.1f %%  %s%n", t.label(), t.scores().overall() * 100, t.verdict());
      }
      new QualityStore(new Jdbc(state)).record(config.reason(), "OPTIMIZE", LocalOptimization.outcome(r));
      System.out.println(OptimizeJob.summary(r));
      return 0;
    } finally {
      if (retriever instanceof AutoCloseable c) {
        c.close();
      }
    }
  }
}
