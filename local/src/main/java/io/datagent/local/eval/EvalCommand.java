package io.datagent.local.eval;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import io.datagent.evaluation.GroundTruth;
import io.datagent.evaluation.JudgeRow;
import io.datagent.evaluation.Outcome;
import io.datagent.evaluation.Pricing;
import io.datagent.evaluation.judge.Judges;
import io.datagent.evaluation.mlflow.EvalParams;
import io.datagent.evaluation.mlflow.MlflowRunLog;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.AskCommand;
import io.datagent.local.agent.LocalAgents;
import io.datagent.platform.mlflow.MlflowArtifactStore;
import io.datagent.retrieval.Retriever;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ./agent eval [--benchmark FILE]}: asks every question of a benchmark to the local agent (as {@code ./agent
 * ask} does, so a model is used only when one is configured), scores each answer ({@link Scorer}) and prints
 * total, exact, declined, wrong and partial answers with p50/p99 latency per kind and per variant; the report with
 * every answer goes to {@code target/eval/}. Exit code 1 when any answer states a wrong number.
 */
public final class EvalCommand implements Command {

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String summary() {
    return "eval [--benchmark F|DIR] [--mlflow-uri URI [--experiment E]]   mide la exactitud del agente sobre un banco de "
        + "preguntas con respuestas conocidas";
  }

  @Override
  public int run(List<String> argv, LocalRuntime rt) throws Exception {
    List<String> args = EvalSetup.mutable(argv);
    Path file = EvalSetup.benchmark(args, rt);
    String mlflowUri = EvalSetup.option(args, "--mlflow-uri");
    String experiment = Objects.requireNonNullElse(EvalSetup.option(args, "--experiment"), "datagent-eval");
    if (!args.isEmpty()) {
      System.err.println("Uso: ./agent eval [--benchmark ARCHIVO.jsonl|.yaml|DIR] [--mlflow-uri URI [--experiment NOMBRE]] "
          + "[--workspace DIR]");
      return 2;
    }
    List<BenchmarkItem> items = Files.isDirectory(file) ? BenchmarkFile.readDirectory(file) : BenchmarkFile.read(file);
    EvalSetup.ensureSamples(rt);
    Retriever retriever = AskCommand.retriever(rt);
    try {
      Agent agent = LocalAgents.create(rt, System.getenv(), retriever);
      AgentConfig config = AgentConfig.fromEnv(System.getenv());
      Judges judges = EvalSetup.judges(rt, System.getenv(), config);
      System.out.println(judges.enabled() ? "Jueces LLM: " + judges.modelName() + " (" + judges.groundednessPrompt() + "; "
          + judges.relevancePrompt() + ")" : "Jueces LLM: no ejecutados (sin modelo de lenguaje)");
      Evaluation eval = new Evaluation(agent, System.getProperty("user.name"),
          Pricing.of(System.getenv("DATAGENT_EVAL_PRICE_IN"), System.getenv("DATAGENT_EVAL_PRICE_OUT")), judges);
      GroundTruth truth = new GroundTruth(new SqlGuard(config.sqlPolicy()),
          LocalAgents.executor(rt, System.getenv()), Duration.ofSeconds(120));
      System.out.println("Evaluando " + items.size() + " preguntas de " + file + "…");
      long t0 = System.nanoTime();
      eval.warmUp("¿Qué tablas hay?");
      EvalReport report = eval.evaluate(items, truth, r -> {
        if (r.outcome() == Outcome.WRONG) {
          System.out.printf("  ERRÓNEA %s: %s%n", r.item().id(), r.item().question());
        }
      });
      Path out = rt.projectRoot().resolve("target").resolve("eval")
          .resolve("eval-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
      report.write(out, file.toString());
      System.out.print(report.table());
      EvalReport.Row all = report.overall();
      System.out.printf("eval: %d preguntas, %d exactas (%.0f %%), %d rechazadas, %d erróneas (objetivo 0), p50 %d ms; "
          + "informe en %s (%.1f s)%n", all.total(), all.exact(), 100 * all.exactRate(), all.declined(), all.wrong(),
          all.p50Ms(), out, (System.nanoTime() - t0) / 1e9);
      JudgeRow judged = report.judgesOverall();
      System.out.println(judged.notRun() == judged.answers() ? "jueces LLM: no ejecutados"
          : String.format(Locale.ROOT, "jueces LLM: fundamentación %s en %d, relevancia %s en %d, %d sin respuesta "
              + "válida, %d fallidos; %d tokens del juez (aparte de los %d del agente), coste juez %.4f $",
              judged.groundedness() == null ? "—" : String.format(Locale.ROOT, "%.2f", judged.groundedness()),
              judged.judgedGroundedness(), judged.relevance() == null ? "—" : String.format(Locale.ROOT, "%.2f",
                  judged.relevance()), judged.judgedRelevance(), judged.invalid(), judged.failed(), judged.tokens(),
              all.tokens(), judged.cost()));
      if (mlflowUri != null) {
        MlflowRunLog mlflow = MlflowRunLog.at(mlflowUri) // the per-question table through the server's artifact proxy
            .withArtifacts(MlflowArtifactStore.trackingServer(mlflowUri)::put);
        MlflowRunLog.Logged logged = mlflow.log(experiment, out.getFileName().toString().replace(".json", ""),
            EvalParams.of(config, report, file.toString(), EvalSetup.commit(rt), EvalSetup.semanticVersion(rt)), Map.of("datagent.report", out.toString()), report);
        System.out.println(logged.ok() ? "MLflow: run " + logged.runId() + " en el experimento " + experiment
            : "MLflow: " + logged.error());
      }
      return report.wrong() > 0 ? 1 : 0;
    } finally {
      if (retriever instanceof AutoCloseable c) {
        c.close();
      }
    }
  }
}
