package io.datagent.local.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlPolicy;
import io.datagent.app.Refusal;
import io.datagent.app.evaluation.EvaluationRun;
import io.datagent.app.evaluation.ReportFolderHistory;
import io.datagent.evaluation.Pricing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Evaluar ahora" on the local App: one evaluation at a time, its report where the Monitor page reads them. */
class LocalEvaluationLauncherTest {

  @Test
  void should_run_one_evaluation_at_a_time_and_list_its_report_when_it_finishes(@TempDir Path dir) throws Exception {
    Path benchmark = dir.resolve("banco.jsonl");
    Files.writeString(benchmark, String.join("\n",
        "{\"id\":\"liga\",\"kind\":\"rechazo\",\"question\":\"¿Quién ganará la liga?\",\"expected\":{\"type\":\"decline\"}}",
        "{\"id\":\"lluvia\",\"kind\":\"rechazo\",\"question\":\"¿Lloverá mañana?\",\"expected\":{\"type\":\"decline\"}}"));
    Deque<Runnable> queued = new ArrayDeque<>(); // the background thread, run by hand
    LocalEvaluationLauncher launcher = new LocalEvaluationLauncher((req, l) -> new AgentAnswer(
        req.question().contains("liga") ? "No puedo saberlo con estos datos." : "Mañana lloverá 12 mm.",
        req.question().contains("liga") ? AgentAnswer.REFUSED : AgentAnswer.LLM, List.of(), List.of(),
        new QueryResult(List.of(), List.of(), List.of(), false), null, List.of(), 1, 0, 0, null, 7),
        (sql, max, timeout, token) -> { throw new AssertionError("no expected SQL here"); }, SqlPolicy.servingOnly(),
        benchmark, dir.resolve("eval"), new Pricing(0, 0), queued::add);
    ReportFolderHistory history = new ReportFolderHistory(dir.resolve("eval"));

    String started = launcher.start("ingeniera@datagent.local").message();
    assertThatThrownBy(() -> launcher.start("otra@datagent.local")).isInstanceOf(Refusal.class)
        .hasMessageContaining("Ya hay una evaluación en curso");
    assertThat(history.latest(5)).as("nothing listed before it finishes").isEmpty();
    queued.poll().run();

    assertThat(started).contains("2 preguntas de banco.jsonl");
    List<EvaluationRun> runs = history.latest(5);
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).total()).isEqualTo(new EvaluationRun.Score("total", 2, 1));
    assertThat(runs.get(0).byKind()).containsExactly(new EvaluationRun.Score("rechazo", 2, 1));
    assertThat(runs.get(0).promptVersion()).isEqualTo("7");
    assertThat(launcher.start("ingeniera@datagent.local").message()).as("free again").startsWith("Evaluación iniciada");
  }
}
