package io.datagent.optimization.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.app.prompts.PostgresPromptRegistry;
import io.datagent.app.state.StateDatabase;
import io.datagent.jobmonitor.quality.Intervention;
import io.datagent.jobmonitor.quality.QualityFigures;
import io.datagent.jobmonitor.quality.QualityStore;
import io.datagent.jobmonitor.store.Jdbc;
import io.datagent.jobmonitor.store.MonitorSchema;
import io.datagent.optimization.OptimizationReport;
import io.datagent.optimization.OptimizationRuntime;
import io.datagent.optimization.OptimizeConfig;
import io.datagent.optimization.OptimizeJob;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.testkit.FakeSql;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.LoopbackModel;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OptimizeJob with its Databricks runtime, end to end: the App's agent built as on Databricks (SQL warehouse and
 * MLflow of a {@link FakeWorkspace}, the prompt registry and state in a real PostgreSQL standing in for Lakebase, a
 * loopback OpenAI-compatible model), started by the supervisor for a window.
 */
class DatabricksOptimizationTest {

  static final String WINDOW = "1440m-2026-12-07T00:00:00Z";

  @Test
  void should_promote_the_better_rewrite_and_write_the_scores_to_the_supervisors_intervention(@TempDir Path dir)
      throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start(); FakeWorkspace ws = new FakeWorkspace();
        LoopbackModel model = new LoopbackModel()) {
      DataSource db = pg.getPostgresDatabase();
      new StateDatabase(db).migrate();
      MonitorSchema.migrate(db);
      QualityStore interventions = new QualityStore(new Jdbc(db));
      long id = interventions.open(List.of("tasa de error 8 % > 5 %"), new QualityFigures(Instant.parse("2026-12-07T10:00:00Z"),
          1440, 50, 4, 0.08, 900.0, null, 0), "RUN_NOW", 7L, WINDOW).orElseThrow();
      ws.auth().allowToken("sp-token");
      warehouse(ws.sql());
      model.rewrites.add("Responde a preguntas de negocio con SQL.\n" + LoopbackModel.NAME_TABLE);
      Map<String, String> env = new HashMap<>(model.env());
      env.putAll(Map.of("DATAGENT_SERVING_SCHEMA", "serving", "DATAGENT_UPLOADS_VOLUME", "main.raw.uploads",
          "DATAGENT_PROMPT_REGISTRY", "postgres", "PGHOST", "localhost", "PGPORT", String.valueOf(pg.getPort()),
          "PGDATABASE", "postgres", "PGUSER", "postgres", "PGSSLMODE", "disable"));
      OptimizeConfig config = OptimizeJob.config("--catalog", "main", "--benchmark", benchmark(dir).toString(),
          "--experiment", "/Workspace/datagent/datagent-quality", "--reason", "tasa de error 8 % > 5 %", "--window", WINDOW,
          "--max-candidates", "3", "--rewrite-budget", "1");
      DatabricksOptimization runtime = new DatabricksOptimization(
          e -> new Platform(PlatformConfig.pat(ws.url(), "sp-token").withWarehouse("wh")), Clock.systemUTC());

      OptimizationReport r = OptimizeJob.execute(config, runtime, env);

      assertThat(ServiceLoader.load(OptimizationRuntime.class).findFirst()).get().isInstanceOf(DatabricksOptimization.class);
      assertThat(r.promoted()).as(OptimizeJob.summary(r) + " " + r.tried() + " " + r.before()).isTrue();
      assertThat(r.servedNow()).isEqualTo("v2");
      var served = new PostgresPromptRegistry(db, Clock.systemUTC()).byAlias(
          io.datagent.app.prompts.AgentPrompts.Config.fromEnv(env, "main", "serving").name(), PromptRegistry.PRODUCTION).orElseThrow();
      assertThat(served.version()).isEqualTo(2);
      assertThat(served.author()).isEqualTo(RegistryPromoter.AUTHOR);
      assertThat(served.content()).contains(LoopbackModel.NAME_TABLE);
      Intervention i = interventions.recent(5).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
      assertThat(i.status()).isEqualTo("PROMOTED");
      assertThat(i.scoreBefore()).isEqualTo(r.beforeScore()).isLessThan(i.scoreAfter());
      assertThat(i.scoreAfter()).isEqualTo(1.0);
      assertThat(ws.store().mlflowRuns().values()).singleElement().satisfies(run -> {
        assertThat(run.path("info").path("status").asText()).isEqualTo("FINISHED");
        assertThat(run.path("metrics").path("score_after").asDouble()).isEqualTo(1.0);
        assertThat(run.path("params").path("served_now").asText()).isEqualTo("v2");
        assertThat(run.path("params").path("window").asText()).isEqualTo(WINDOW);
      });
    }
  }

  /** One serving table in the catalog: serving.potenciainstalada (tipo, mw). */
  static void warehouse(FakeSql sql) {
    sql.answer("information_schema\\.tables", List.of(new FakeSql.Col("table_schema", "STRING"),
        new FakeSql.Col("table_name", "STRING"), new FakeSql.Col("comment", "STRING")),
        List.of(List.of("serving", "potenciainstalada", "Potencia instalada por tipo de central")));
    sql.answer("information_schema\\.tables WHERE table_schema = ", List.of(new FakeSql.Col("comment", "STRING")),
        List.of(List.of("Potencia instalada por tipo de central")));
    sql.answer("information_schema\\.columns", List.of(new FakeSql.Col("column_name", "STRING"),
        new FakeSql.Col("full_data_type", "STRING"), new FakeSql.Col("comment", "STRING")),
        List.of(List.of("tipo", "string", "Tipo de central"), List.of("mw", "double", "Potencia (MW)")));
    sql.answer("potenciainstalada` LIMIT", List.of(new FakeSql.Col("tipo", "STRING"), new FakeSql.Col("mw", "DOUBLE")),
        List.of(List.of("hidráulica", "17000.5"), List.of("eólica", "29000.0")));
  }

  /** Questions answered well only when the answer names its table, and questions about 2030 to decline. */
  static Path benchmark(Path dir) throws java.io.IOException {
    String[] tipos = {"hidráulicas", "térmicas", "eólicas", "solares", "nucleares"};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < tipos.length; i++) {
      lines.add("{\"id\":\"con-0" + i + "\",\"kind\":\"consulta\",\"question\":\"¿De dónde sale el dato de centrales "
          + tipos[i] + "?\",\"expected\":{\"type\":\"text\",\"keywords\":[\"potenciainstalada\"]}}");
      lines.add("{\"id\":\"rec-0" + i + "\",\"kind\":\"rechazo\",\"question\":\"¿Cuánta potencia " + tipos[i]
          + " habrá en 2030?\",\"expected\":{\"type\":\"decline\"}}");
    }
    return Files.write(dir.resolve("banco.jsonl"), lines);
  }
}
