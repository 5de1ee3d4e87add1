package io.datagent.optimization.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.semantic.CompilerTuning;
import io.datagent.agent.semantic.LearnedSynonym;
import io.datagent.agent.semantic.SemanticModelSource;
import io.datagent.agent.semantic.SynonymLearner;
import io.datagent.agent.trusted.TrustedQueries;
import io.datagent.app.state.StateDatabase;
import io.datagent.app.tuning.CompilerTuningStore;
import io.datagent.app.tuning.RefreshingTuning;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.optimization.Candidate;
import io.datagent.optimization.CompilerCandidates;
import io.datagent.optimization.KindScores;
import io.datagent.optimization.OptimizationReport;
import io.datagent.optimization.Optimizer;
import io.datagent.optimization.PromotionRule;
import io.datagent.optimization.RetrievalTuningGrid;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The optimisation loop of the agent without an LLM, for real: the question compiler over a small invented table in
 * an embedded PostgreSQL (the same database holds the App's state: traces, feedback, {@code app.compiler_tuning}),
 * scored by the shared evaluation engine ({@link AgentCandidateEvaluator}), promoted by {@link TuningPromoter}.
 */
class CompilerTuningLoopTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static EmbeddedPostgres pg;
  static DataSource db;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    db = pg.getPostgresDatabase();
    new StateDatabase(db).migrate();
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA serving");
      s.execute("CREATE TABLE serving.centrales (central text, region text, tipo text, potencia_mw numeric(10,1))");
      s.execute("""
          INSERT INTO serving.centrales VALUES ('Alicura', 'COMAHUE', 'Hidráulica', 1050.0), ('Yacyreta', 'NEA', 'Hidráulica', 3100.0),
          ('Rawson', 'PATAGONIA', 'Eólica', 80.0), ('Madryn', 'PATAGONIA', 'Eólica', 220.0), ('Ullum', 'CUYO', 'Solar', 12.5),
          ('Cafayate', 'NOA', 'Solar', 80.0), ('Guemes', 'NOA', 'Térmica', 361.0), ('Lujan', 'CUYO', 'Térmica', 45.0)""");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @BeforeEach
  void clean() throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE app.compiler_tuning, app.agent_tuning, app.feedback, app.traces CASCADE");
    }
  }

  @Test
  void should_learn_the_synonym_from_an_upvote_promote_it_and_serve_it_without_a_restart() throws Exception {
    upvote("¿Qué capacidad tiene la región NEA?", "SELECT sum(potencia_mw) FROM serving.centrales WHERE region = 'NEA'");
    CompilerTuningStore store = new CompilerTuningStore(db);
    InventedPlants.MutableClock clock = new InventedPlants.MutableClock();
    RefreshingTuning<io.datagent.agent.semantic.CompilerTuning> served = new RefreshingTuning<>(store::currentOrDefault,
        io.datagent.agent.semantic.CompilerTuning.DEFAULT, RefreshingTuning.REFRESH, clock);
    Agent app = agent(served);
    String question = "¿Cuánta capacidad hay en la región Patagonia?";
    assertThat(app.answer(AgentRequest.of(question), AnswerListener.NONE).answer()).doesNotContain("300");

    OptimizationReport r = optimizer(parts()).run(AgentCandidateEvaluator.items(benchmark()));

    assertThat(r.promoted()).as(r.reason() + " " + r.tried()).isTrue();
    assertThat(r.best().label()).startsWith("sinonimo");
    assertThat(r.best().scores().exact().get("agregacion")).isEqualTo(1.0);
    assertThat(r.before().exact().get("agregacion")).isEqualTo(0.0);
    CompilerTuning promoted = store.current().orElseThrow();
    assertThat(promoted.synonyms()).singleElement().satisfies(s -> {
      assertThat(s.phrase()).isEqualTo("capacidad");
      assertThat(s.kind()).isEqualTo(LearnedSynonym.Kind.MEASURE);
      assertThat(s.target()).isEqualTo("potencia_mw");
      assertThat(s.evidence()).contains("¿Qué capacidad tiene la región NEA?");
    });
    assertThat(promoted.thresholds()).isEqualTo(CompilerTuning.DEFAULT.thresholds());
    clock.advance(RefreshingTuning.REFRESH);
    AgentAnswer after = app.answer(AgentRequest.of(question), AnswerListener.NONE);
    assertThat(after.mode()).isEqualTo(AgentAnswer.SEMANTIC);
    assertThat(after.answer()).contains("300");
  }

  @Test
  void should_refuse_a_synonym_candidate_that_makes_a_kind_regress() throws Exception {
    // "eléctricas" is a word of the table's description; read as the power column, counting questions sum power instead
    LearnedSynonym wrong = new LearnedSynonym("serving.centrales", LearnedSynonym.Kind.MEASURE, "potencia_mw", null,
        "eléctricas", "voto 5 a «¿Cuánta potencia eléctrica hay?»");
    LearnedSynonym right = new LearnedSynonym("serving.centrales", LearnedSynonym.Kind.MEASURE, "potencia_mw", null,
        "capacidad", "voto 5 a «¿Qué capacidad tiene la región NEA?»");
    OptimizationParts parts = new OptimizationParts(parts().promoter(),
        List.of(new CompilerCandidates(() -> List.of(wrong, right))));

    OptimizationReport r = optimizer(parts).run(AgentCandidateEvaluator.items(benchmark()));

    OptimizationReport.Tried both = r.tried().stream().filter(t -> t.label().equals("sinonimos-2")).findFirst().orElseThrow();
    assertThat(both.eligible()).isFalse();
    assertThat(both.verdict()).contains("empeora en conteo");
    assertThat(r.tried()).filteredOn(t -> t.label().equals("sinonimo-electricas")).singleElement()
        .satisfies(t -> assertThat(t.eligible()).isFalse());
    assertThat(r.promoted()).isTrue();
    assertThat(r.best().label()).isEqualTo("sinonimo-capacidad");
    assertThat(new CompilerTuningStore(db).current().orElseThrow().synonyms()).extracting(LearnedSynonym::phrase)
        .containsExactly("capacidad");
  }

  @Test
  void should_score_as_before_when_the_thresholds_are_the_defaults_and_nothing_was_learned() {
    List<BenchmarkItem> items = benchmark();
    var asked = AgentCandidateEvaluator.items(items);
    Candidate current = parts().promoter().current();

    KindScores tuned = new AgentCandidateEvaluator(c -> agent(c::compiler), items, "prueba").evaluate(current, asked);
    KindScores before = new AgentCandidateEvaluator(c -> AgentFactory.create(AgentConfig.defaults(), q -> List.of(),
        InventedPlants.catalog(), InventedPlants.engine(db)), items, "prueba").evaluate(current, asked);

    assertThat(current.compiler()).isEqualTo(CompilerTuning.DEFAULT);
    assertThat(tuned).isEqualTo(before);
    assertThat(before.exact().get("conteo")).isEqualTo(1.0);
    for (BenchmarkItem i : items) {
      AgentRequest q = AgentRequest.of(i.question());
      assertThat(agent(() -> CompilerTuning.DEFAULT).answer(q, AnswerListener.NONE).sql())
          .isEqualTo(AgentFactory.create(AgentConfig.defaults(), x -> List.of(), InventedPlants.catalog(), InventedPlants.engine(db)).answer(q, AnswerListener.NONE).sql());
    }
  }

  @Test
  void should_not_learn_when_the_compiler_already_reads_the_question_or_two_words_are_unknown() {
    SynonymLearner learner = SynonymLearner.over(AgentConfig.defaults(), InventedPlants.catalog(), InventedPlants.engine(db), SemanticModelSource.NONE);

    List<LearnedSynonym> learned = learner.learn(List.of(
        new SynonymLearner.Feedback("¿Cuánta potencia hay en la región NOA?", "SELECT sum(potencia_mw) FROM serving.centrales "
            + "WHERE region = 'NOA'", null, "voto 5"),
        new SynonymLearner.Feedback("¿Qué capacidad aproximada tiene cada zona?", "SELECT region, sum(potencia_mw) FROM "
            + "serving.centrales GROUP BY region", null, "voto 5"),
        new SynonymLearner.Feedback("¿Cuántas centrales de viento hay?", "SELECT count(*) FROM serving.centrales", 
            "se refería al tipo Eólica", "voto 1 con corrección")));

    assertThat(learned).singleElement().satisfies(s -> {
      assertThat(s.phrase()).isEqualTo("viento");
      assertThat(s.kind()).isEqualTo(LearnedSynonym.Kind.VALUE);
      assertThat(s.value()).isEqualTo("Eólica");
    });
  }

  // --- the loop's parts over the embedded database ---

  OptimizationParts parts() {
    return OptimizationParts.of(AgentConfig.defaults(), db, null, null, null,
        io.datagent.optimization.OptimizeJob.config("--benchmark", "banco.jsonl", "--rewrite-budget", "0"),
        () -> SynonymLearner.over(AgentConfig.defaults(), InventedPlants.catalog(), InventedPlants.engine(db), SemanticModelSource.NONE));
  }

  Optimizer optimizer(OptimizationParts parts) {
    List<BenchmarkItem> items = benchmark();
    AgentCandidateEvaluator evaluator = new AgentCandidateEvaluator(c -> agent(c::compiler), items, "prueba");
    List<io.datagent.optimization.CandidateSource> sources = parts.sources().stream()
        .filter(s -> !(s instanceof RetrievalTuningGrid)).toList(); // no search index here: those would only tie
    return new Optimizer(evaluator, parts.promoter(), sources,
        new Optimizer.Settings(0.75, "datagent", new PromotionRule(0.02), 8));
  }

  static Agent agent(java.util.function.Supplier<CompilerTuning> compiler) {
    return AgentFactory.create(AgentConfig.defaults(), q -> List.of(), InventedPlants.catalog(), InventedPlants.engine(db), null, SemanticModelSource.NONE,
        TrustedQueries.NONE, compiler);
  }

  /** Power per region asked with a word the model does not know, and plant counts the table's rows answer. */
  static List<BenchmarkItem> benchmark() {
    List<BenchmarkItem> out = new ArrayList<>();
    String[][] power = {{"Patagonia", "300.0"}, {"Cuyo", "57.5"}, {"NOA", "441.0"}, {"Comahue", "1050.0"}};
    for (int i = 0; i < power.length; i++) {
      out.add(item("agg-0" + i, "agregacion", "¿Cuánta capacidad hay en la región " + power[i][0] + "?", power[i][1], 1));
    }
    String[][] count = {{"Patagonia", "2"}, {"Cuyo", "2"}, {"NOA", "2"}, {"NEA", "1"}};
    for (int i = 0; i < count.length; i++) {
      out.add(item("cnt-0" + i, "conteo", "¿Cuántas centrales eléctricas hay en la región " + count[i][0] + "?", count[i][1], 0));
    }
    return out;
  }

  static BenchmarkItem item(String id, String kind, String question, String value, int decimals) {
    var node = JSON.createObjectNode().put("type", "number").put("value", Double.parseDouble(value)).put("decimals", decimals);
    return new BenchmarkItem(id, kind, "original", question, new BenchmarkItem.Expected("number", node), null);
  }

  static void upvote(String question, String sql) throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO app.traces (id, question, answer, mode, sql) VALUES (?, ?, 'respuesta', 'semantic', ?::jsonb)")) {
        ps.setObject(1, id);
        ps.setString(2, question);
        ps.setString(3, JSON.writeValueAsString(List.of(sql)));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO app.feedback (trace_id, user_email, rating) VALUES (?, 'ana@empresa.es', 5)")) {
        ps.setObject(1, id);
        ps.executeUpdate();
      }
    }
  }
}
