package io.datagent.local.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.datagent.agent.prompt.PromptSource;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.app.prompts.AgentPrompts;
import io.datagent.app.prompts.PromptAliasLog;
import io.datagent.app.state.StateDatabase;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.LocalAgentFixture;
import io.datagent.local.agent.NoIndexRetriever;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.optimization.InstructionRewrites;
import io.datagent.optimization.OptimizationReport;
import io.datagent.optimization.Optimizer;
import io.datagent.optimization.agent.AgentCandidateEvaluator;
import io.datagent.optimization.agent.ChatRewriter;
import io.datagent.optimization.agent.RegistryPromoter;
import io.datagent.testkit.LoopbackModel;
import io.datagent.optimization.PromotionRule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The optimisation loop end to end with a model: the real LLM agent on the local samples answering through a loopback
 * OpenAI-compatible model ({@link LoopbackModel}), the real scorer of {@code ./agent eval}, instruction rewrites
 * proposed by the same model, and the App's prompt registry on PostgreSQL with its 30-second refresh.
 */
class OptimizeWithModelTest {

  static final String NAME = "datagent_system_prompt";

  final LocalRuntime rt = LocalAgentFixture.runtime();
  EmbeddedPostgres pg;
  DataSource db;
  LoopbackModel model;
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T00:00:00Z"));
  final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  AgentPrompts app;

  @BeforeEach
  void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    db = pg.getPostgresDatabase();
    new StateDatabase(db).migrate();
    model = new LoopbackModel();
    app = new AgentPrompts(new io.datagent.app.prompts.PostgresPromptRegistry(db, clock), db,
        new AgentPrompts.Config(AgentPrompts.Config.POSTGRES, NAME, Duration.ofSeconds(30)), clock);
  }

  @AfterEach
  void stop() throws Exception {
    model.close();
    pg.close();
  }

  Optimizer optimizer(int budget) {
    OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(model.baseUrl()).apiKey("k").modelName("m").build();
    PromptRegistry registry = app.registry();
    PromptAliasLog audit = new PromptAliasLog(db);
    AgentCandidateEvaluator evaluator = new AgentCandidateEvaluator(new CandidateAgents(rt, model.env(), new NoIndexRetriever()),
        benchmark(), "optimizador@empresa.es");
    return new Optimizer(evaluator, new RegistryPromoter(registry, PromptSeed.bundled(registry, NAME, audit), audit),
        List.of(new InstructionRewrites(new ChatRewriter(chat), budget, 2)),
        new Optimizer.Settings(0.4, "datagent", new PromotionRule(0.02), 4));
  }

  @Test
  void should_promote_a_rewrite_that_scores_better_and_serve_it_after_the_refresh() {
    PromptSource.Served before = app.source().current();
    String v1 = before.text();
    model.rewrites.add(v1 + "\n" + LoopbackModel.NAME_TABLE);

    OptimizationReport r = optimizer(1).run(AgentCandidateEvaluator.items(benchmark()));

    assertThat(r.promoted()).isTrue();
    assertThat(r.servedNow()).isEqualTo("v2");
    assertThat(r.before().exact()).containsEntry("consulta", 0.0).containsEntry("rechazo", 1.0);
    assertThat(r.best().scores().exact()).containsEntry("consulta", 1.0).containsEntry("rechazo", 1.0);
    assertThat(app.registry().byAlias(NAME, PromptRegistry.PRODUCTION).orElseThrow().author()).isEqualTo(RegistryPromoter.AUTHOR);
    now.set(now.get().plusSeconds(10));
    assertThat(app.source().current().version()).isEqualTo(1); // not yet: the App reads the alias every 30 s
    now.set(now.get().plusSeconds(21));
    assertThat(app.source().current().version()).isEqualTo(2);
    assertThat(app.source().current().text()).contains(LoopbackModel.NAME_TABLE);
    System.out.printf("optimize with model: held-out exact %.2f -> %.2f (promoted %s)%n", r.beforeScore(), r.afterScore(), r.servedNow());
  }

  @Test
  void should_promote_neither_a_rewrite_that_regresses_a_kind_nor_a_worse_one() {
    String v1 = app.source().current().text();
    model.rewrites.add(v1 + "\n" + LoopbackModel.NAME_TABLE + "\n" + LoopbackModel.ALWAYS_FIGURE); // better overall? no kind may drop
    model.rewrites.add(v1 + "\n" + LoopbackModel.ALWAYS_FIGURE); // worse

    OptimizationReport r = optimizer(2).run(AgentCandidateEvaluator.items(benchmark()));

    assertThat(r.promoted()).isFalse();
    assertThat(r.tried()).hasSize(2).allSatisfy(t -> assertThat(t.verdict()).contains("empeora en rechazo"));
    assertThat(app.registry().byAlias(NAME, PromptRegistry.PRODUCTION).orElseThrow().version()).isEqualTo(1);
    assertThat(app.registry().versions(NAME)).hasSize(1);
    System.out.printf("optimize with model, rejected: held-out exact %.2f; candidates %s%n", r.beforeScore(),
        r.tried().stream().map(t -> t.label() + "=" + String.format("%.2f", t.scores().overall())).toList());
  }

  @Test
  void should_leave_the_alias_untouched_when_the_run_is_killed_halfway() throws Exception {
    String v1 = app.source().current().text();
    model.rewrites.add(v1 + "\n" + LoopbackModel.NAME_TABLE);
    model.holdAtAnswer = 12; // while the better candidate is evaluated (after 4 held-out + 6 tuning answers of the current one)
    AtomicReference<Thread> worker = new AtomicReference<>();
    Optimizer optimizer = optimizer(1);
    CompletableFuture<OptimizationReport> run = CompletableFuture.supplyAsync(() -> {
      worker.set(Thread.currentThread());
      return optimizer.run(AgentCandidateEvaluator.items(benchmark()));
    });

    assertThat(model.held.await(120, TimeUnit.SECONDS)).isTrue();
    optimizer.cancel(); // what stopping the App (or the job) does
    worker.get().interrupt();
    model.release.countDown();

    assertThat(run).failsWithin(Duration.ofSeconds(120));
    assertThat(app.registry().byAlias(NAME, PromptRegistry.PRODUCTION).orElseThrow().version()).isEqualTo(1);
    assertThat(app.registry().versions(NAME)).hasSize(1);
  }

  /** Five questions about the tables (answered well when the table is named) and five about 2030 (to decline). */
  static List<BenchmarkItem> benchmark() {
    ObjectMapper json = new ObjectMapper();
    List<BenchmarkItem> out = new ArrayList<>();
    String[] tipos = {"hidráulicas", "térmicas", "eólicas", "solares", "nucleares"};
    for (int i = 0; i < tipos.length; i++) {
      out.add(new BenchmarkItem("con-0" + i, "consulta", "original", "¿De dónde sale el dato de centrales " + tipos[i] + "?",
          new BenchmarkItem.Expected("text", json.createObjectNode().set("keywords", json.createArrayNode().add("potenciainstalada"))),
          null));
      out.add(new BenchmarkItem("rec-0" + i, "rechazo", "original", "¿Cuánta potencia " + tipos[i] + " habrá en 2030?",
          new BenchmarkItem.Expected("decline", json.createObjectNode()), null));
    }
    return out;
  }
}
