package io.datagent.evaluation.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.llm.LlmConfig;
import io.datagent.agent.prompt.registry.AliasAudit;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.app.TestPostgres;
import io.datagent.app.prompts.PostgresPromptRegistry;
import io.datagent.app.state.StateDatabase;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import io.datagent.evaluation.JudgeRow;
import io.datagent.evaluation.Pricing;
import io.datagent.evaluation.mlflow.RunMetrics;
import io.datagent.testkit.LoopbackModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The LLM judges of an evaluation against the loopback model (the serving endpoint's chat REST shape), with their
 * prompts in the App's prompt registry (embedded PostgreSQL). The agent answering is a fixed answer: the judges are
 * what is tested.
 */
class JudgesTest {

  private static final Judges.Retry FAST = new Judges.Retry(2, Duration.ofMillis(10));
  private final LoopbackModel model = newModel();

  @AfterEach
  void stop() {
    model.close();
  }

  @Test
  void should_score_a_grounded_answer_high_and_an_invented_number_low_when_judged() {
    Judges judges = judges(bundled(), FAST);

    EvalReport report = evaluate(judges, "La potencia instalada total es 1234 MW.", "La potencia instalada total es 9876 MW.");

    Judgment grounded = report.results().get(0).judgment();
    Judgment invented = report.results().get(1).judgment();
    assertThat(grounded.groundedness().score()).isEqualTo(5);
    assertThat(grounded.groundedness().passed()).isTrue();
    assertThat(invented.groundedness().score()).isEqualTo(1);
    assertThat(invented.groundedness().passed()).isFalse();
    assertThat(invented.groundedness().rationale()).contains("9876");
    assertThat(invented.relevance().score()).isEqualTo(5); // on topic, only its number is invented
    assertThat(report.results().get(1).numbers().missing()).containsExactly("9876");
    JudgeRow all = report.judgesOverall();
    assertThat(all.judgedGroundedness()).isEqualTo(2);
    assertThat(all.groundedness()).isEqualTo(0.5); // (5-1)/4 and (1-1)/4
    assertThat(all.tokens()).isEqualTo(4 * 15); // the loopback's usage, judges apart from the agent's tokens
    assertThat(report.overall().tokens()).isEqualTo(2 * (100 + 20));
    assertThat(RunMetrics.of(report)).containsEntry("judge/groundedness_mean", 0.5)
        .containsEntry("judge/groundedness_mean/potencia", 0.5).containsEntry("numbers_in_rows_rate", 0.5);
  }

  @Test
  void should_flag_the_reply_and_never_pass_it_when_the_judge_ignores_the_json_format() {
    model.judgeReplies.add("Sí, la respuesta está fundamentada.");
    model.judgeReplies.add("{\"score\": \"5\", \"rationale\": \"bien\"}");

    EvalReport report = evaluate(judges(bundled(), FAST), "La potencia instalada total es 1234 MW.");

    Judgment j = report.results().get(0).judgment();
    assertThat(j.groundedness().status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(j.groundedness().rationale()).startsWith("juez sin respuesta válida").contains("no es un JSON válido");
    assertThat(j.relevance().status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(j.relevance().rationale()).contains("entero de 1 a 5");
    assertThat(j.groundedness().passed()).isFalse();
    JudgeRow all = report.judgesOverall();
    assertThat(all.invalid()).isEqualTo(2);
    assertThat(all.groundedness()).isNull(); // not a zero either
    assertThat(report.table()).contains("sin válida");
  }

  @Test
  void should_retry_then_report_the_judge_when_its_endpoint_answers_429_or_500() {
    model.failures.addAll(List.of(429, 200, 500, 500, 500)); // groundedness: 429 then 200; relevance: 500 x 3

    EvalReport report = evaluate(judges(bundled(), FAST), "La potencia instalada total es 1234 MW.");

    Judgment j = report.results().get(0).judgment();
    assertThat(j.groundedness().status()).isEqualTo(Verdict.Status.JUDGED); // 429, then answered
    assertThat(j.relevance().status()).isEqualTo(Verdict.Status.FAILED);
    assertThat(j.relevance().rationale()).contains("HTTP 500").contains("3 intentos");
    assertThat(model.requests.get()).isEqualTo(5);
    assertThat(report.judgesOverall().failed()).isEqualTo(1);
    assertThat(report.judgesOverall().relevance()).isNull();
  }

  @Test
  void should_record_each_judge_prompt_version_when_the_registry_holds_them(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    DataSource ds = TestPostgres.freshDatabase();
    new StateDatabase(ds).migrate();
    PromptRegistry registry = new PostgresPromptRegistry(ds, Clock.systemUTC());
    String name = JudgePrompt.Kind.GROUNDEDNESS.nameBeside("main.serving.datagent_system_prompt");
    assertThat(name).isEqualTo("main.serving.datagent_judge_groundedness");
    JudgePrompt.fromRegistry(registry, "datagent_judge_groundedness", JudgePrompt.Kind.GROUNDEDNESS, AliasAudit.NONE);
    int v2 = registry.register("datagent_judge_groundedness", JudgePrompt.bundled(JudgePrompt.Kind.GROUNDEDNESS).text()
        + "\nSé estricto con los redondeos.", "ana@empresa.es", "más estricto");
    registry.setAlias("datagent_judge_groundedness", PromptRegistry.PRODUCTION, v2, "ana@empresa.es");

    Judges judges = Judges.of(llm(), null, registry, "datagent_system_prompt", AliasAudit.NONE);
    EvalReport report = evaluate(judges, "La potencia instalada total es 1234 MW.");

    assertThat(v2).isEqualTo(2);
    assertThat(report.results().get(0).judgment().groundedness().prompt())
        .isEqualTo("datagent_judge_groundedness@production=v2");
    assertThat(report.judgeParams()).containsEntry("judge_prompt_groundedness", "datagent_judge_groundedness@production=v2")
        .containsEntry("judge_prompt_relevance", "datagent_judge_relevance@production=v1").containsEntry("judge_model", "m");
    report.write(dir.resolve("eval.json"), "banco");
    var json = new ObjectMapper().readTree(dir.resolve("eval.json").toFile());
    assertThat(json.at("/answers/0/judge/groundedness/prompt").asText()).isEqualTo("datagent_judge_groundedness@production=v2");
    assertThat(json.at("/answers/0/judge/groundedness/status").asText()).isEqualTo("JUDGED");
    assertThat(json.at("/judges/judgedGroundedness").asInt()).isEqualTo(1);
  }

  @Test
  void should_report_judges_as_not_run_when_no_model_or_no_free_text() {
    EvalReport none = evaluate(Judges.DISABLED, "La potencia instalada total es 1234 MW.");
    EvalReport compiled = new EvalReport(new Evaluation((req, l) -> answer("Entendí: potencia total. 1234 MW.",
        AgentAnswer.SEMANTIC), "t", Pricing.NONE, judges(bundled(), FAST)).run(List.of(item("p")), r -> {}));

    assertThat(none.judgesOverall().notRun()).isEqualTo(1);
    assertThat(none.judgesOverall().groundedness()).isNull();
    assertThat(none.judgeParams()).containsEntry("judge_model", EvalReport.NOT_JUDGED);
    assertThat(RunMetrics.of(none)).doesNotContainKey("judge/groundedness_mean").containsEntry("numbers_in_rows_rate", 1.0);
    assertThat(none.table()).contains("jueces LLM: no ejecutados");
    assertThat(compiled.results().get(0).judgment().ran()).isFalse();
    assertThat(model.judgeCalls.get()).isZero();
  }

  private EvalReport evaluate(Judges judges, String... answers) {
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    Evaluation eval = new Evaluation((req, l) -> answer(answers[next.getAndIncrement()], AgentAnswer.LLM), "t",
        new Pricing(1, 2), judges);
    List<BenchmarkItem> items = java.util.stream.IntStream.range(0, answers.length).mapToObj(i -> item("q" + i)).toList();
    return new EvalReport(eval.run(items, r -> {}));
  }

  private static AgentAnswer answer(String text, String mode) {
    QueryResult rows = new QueryResult(List.of("tipo", "potencia_mw"), List.of("STRING", "BIGINT"),
        List.of(List.of("total", 1234L)), false);
    return new AgentAnswer(text, mode, List.of("SELECT 'total' AS tipo, sum(potencia_mw) FROM serving.potencia"), List.of(),
        rows, null, List.of(), 5, 100, 20, null, 3);
  }

  private static BenchmarkItem item(String id) {
    return new BenchmarkItem(id, "potencia", "original", "¿Cuál es la potencia instalada total?",
        new BenchmarkItem.Expected("number", new ObjectMapper().createObjectNode().put("value", 1234)), null);
  }

  private Judges judges(Map<JudgePrompt.Kind, JudgePrompt> prompts, Judges.Retry retry) {
    return new Judges(Judges.model(llm()), prompts.get(JudgePrompt.Kind.GROUNDEDNESS), prompts.get(JudgePrompt.Kind.RELEVANCE),
        retry);
  }

  private LlmConfig llm() {
    return new LlmConfig(model.baseUrl(), "m", "k", null, Duration.ofSeconds(10), 0, null);
  }

  private static Map<JudgePrompt.Kind, JudgePrompt> bundled() {
    return Map.of(JudgePrompt.Kind.GROUNDEDNESS, JudgePrompt.bundled(JudgePrompt.Kind.GROUNDEDNESS),
        JudgePrompt.Kind.RELEVANCE, JudgePrompt.bundled(JudgePrompt.Kind.RELEVANCE));
  }

  private static LoopbackModel newModel() {
    try {
      return new LoopbackModel();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
