package io.datagent.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.sql.SqlPolicy;
import io.datagent.evaluation.mlflow.MlflowRunLog;
import io.datagent.spark.SharedSpark;
import io.datagent.spark.Sql;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateJobTest {

  /** serving.ventas (region, total); any other table is unknown. */
  private static final SqlExecutor DB = (sql, maxRows, timeout, token) -> {
    if (!sql.toLowerCase().contains("ventas")) {
      throw new SqlExecutionException(SqlExecutionException.Kind.SQL, "[TABLE_OR_VIEW_NOT_FOUND] serving.no_existe");
    }
    return rows();
  };

  private static QueryResult rows() {
    return new QueryResult(List.of("region", "total"), List.of("STRING", "DOUBLE"),
        List.of(List.of("Norte", 12.5), List.of("Sur", 7.25)), false);
  }

  @Test
  void should_take_the_bundle_parameters_and_name_a_missing_one() {
    EvaluateJob.Args a = EvaluateJob.Args.parse(new String[] {"--catalog", "main", "--benchmark", "/Volumes/main/raw/uploads/_benchmarks",
        "--prompt-alias", "candidate", "--experiment", "/Shared/datagent-eval"});

    assertThat(a).isEqualTo(new EvaluateJob.Args("main", "/Volumes/main/raw/uploads/_benchmarks", "candidate",
        "/Shared/datagent-eval"));
    assertThat(EvaluateJob.Args.parse(new String[] {"--catalog", "c", "--benchmark", "b"}).promptAlias()).isEqualTo("production");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvaluateJob.Args.parse(new String[] {"--catalog", "c"}))
        .hasMessageContaining("benchmark");
  }

  @Test
  void should_write_the_results_to_delta_and_report_the_error_when_mlflow_answers_500(@TempDir Path dir) throws Exception {
    SparkSession spark = SharedSpark.get();
    spark.sql("CREATE DATABASE IF NOT EXISTS monitor LOCATION "
        + Sql.literal(SharedSpark.workspace().resolve("tables/monitor").toUri().toString()));
    Files.writeString(dir.resolve("banco.jsonl"), String.join("\n",
        "{\"id\":\"por-region\",\"kind\":\"agrupacion\",\"question\":\"¿Total por región?\",\"sql\":\"SELECT region, sum(total) FROM serving.ventas GROUP BY region\"}",
        "{\"id\":\"sin-tabla\",\"kind\":\"agregacion\",\"question\":\"¿Cuántas?\",\"sql\":\"SELECT count(*) FROM serving.no_existe\"}",
        "{\"id\":\"rechazo\",\"kind\":\"rechazo\",\"question\":\"¿Quién ganará la liga?\",\"expected\":{\"type\":\"decline\"}}"));
    Evaluation eval = new Evaluation((req, l) -> new AgentAnswer("Norte 12,5 y Sur 7,25.", AgentAnswer.LLM,
        List.of("SELECT region, total FROM serving.ventas"), List.of(), rows(), null, List.of(), 3, 1200, 80, null, 4),
        "t", new Pricing(1.0, 2.0));
    GroundTruth truth = new GroundTruth(new SqlGuard(SqlPolicy.servingOnly()), DB, Duration.ofSeconds(5));
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.auth().allowToken("dapi-job");
      Fault[] down = new Fault[10];
      Arrays.fill(down, Fault.error(500, "INTERNAL_ERROR", "tracking store unavailable"));
      ws.fail("/api/2\\.0/mlflow/runs/log-batch", down);

      EvaluateJob.Done done = EvaluateJob.run(spark, "spark_catalog", EvaluateJob.read(dir.toString()), eval, truth,
          MlflowRunLog.databricks(ws.url(), () -> "dapi-job"), "/Shared/datagent-eval",
          Map.of("model", "m", "benchmark", dir.toString(), "prompt_alias", "production", "commit", "abc",
              "semantic_model_version", "v1"));

      assertThat(done.mlflow().error()).contains("500");
      List<Row> runs = spark.sql("SELECT kind, questions, exact, wrong, flagged, tokens, cost_usd, prompt_version, mlflow_error "
          + "FROM spark_catalog.monitor.eval_runs WHERE run_id = '" + done.runId() + "' ORDER BY kind DESC").collectAsList();
      Row total = runs.stream().filter(r -> r.getString(0).equals("total")).findFirst().orElseThrow();
      assertThat(total.getInt(1)).isEqualTo(2);
      assertThat(total.getInt(2)).isEqualTo(1); // the grouping matched the expected SQL's rows
      assertThat(total.getInt(3)).isEqualTo(1); // stating numbers to a question that must be declined is wrong
      assertThat(total.getInt(4)).isEqualTo(1);
      assertThat(total.getLong(5)).isEqualTo(2 * 1280);
      assertThat(total.getDouble(6)).isEqualTo(2 * (1200 * 1.0 + 80 * 2.0) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(total.getString(7)).isEqualTo("4");
      assertThat(total.getString(8)).contains("500");
      assertThat(runs).extracting(r -> r.getString(0)).contains("agrupacion", "rechazo");
      List<Row> flagged = spark.sql("SELECT item_id, problem FROM spark_catalog.monitor.eval_results WHERE run_id = '"
          + done.runId() + "' AND outcome = 'SIN_PUNTUAR'").collectAsList();
      assertThat(flagged).hasSize(1);
      assertThat(flagged.get(0).getString(1)).contains("«sin-tabla»").contains("TABLE_OR_VIEW_NOT_FOUND");
    }
  }

  @Test
  void should_add_judge_columns_and_record_the_judge_prompt_when_the_results_table_predates_them(@TempDir Path dir)
      throws Exception {
    SparkSession spark = SharedSpark.get();
    spark.sql("CREATE DATABASE IF NOT EXISTS quality_old LOCATION "
        + Sql.literal(SharedSpark.workspace().resolve("tables/quality_old").toUri().toString()));
    org.apache.spark.sql.types.StructType before = new org.apache.spark.sql.types.StructType(
        Arrays.copyOf(EvalTables.RESULTS.fields(), 17)); // eval_results as written before the judges
    spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("viejo", "q", "k", "original", "¿?", "EXACT", true, true,
        true, 1L, 0, 0, 0.0, "semantic", null, "SELECT 1", null)), before)
        .write().format("delta").mode("append").saveAsTable("spark_catalog.quality_old.eval_results");
    Files.writeString(dir.resolve("banco.jsonl"), "{\"id\":\"por-region\",\"kind\":\"agrupacion\",\"question\":"
        + "\"¿Total por región?\",\"sql\":\"SELECT region, sum(total) FROM serving.ventas GROUP BY region\"}");
    GroundTruth truth = new GroundTruth(new SqlGuard(SqlPolicy.servingOnly()), DB, Duration.ofSeconds(5));
    EvaluateJob.Done done;
    try (io.datagent.testkit.LoopbackModel model = new io.datagent.testkit.LoopbackModel()) {
      io.datagent.evaluation.judge.Judges judges = new io.datagent.evaluation.judge.Judges(
          io.datagent.evaluation.judge.Judges.model(new io.datagent.agent.llm.LlmConfig(model.baseUrl(), "juez", "k", null,
              Duration.ofSeconds(10), 0, null)),
          io.datagent.evaluation.judge.JudgePrompt.bundled(io.datagent.evaluation.judge.JudgePrompt.Kind.GROUNDEDNESS),
          io.datagent.evaluation.judge.JudgePrompt.bundled(io.datagent.evaluation.judge.JudgePrompt.Kind.RELEVANCE),
          new io.datagent.evaluation.judge.Judges.Retry(0, Duration.ZERO));
      Evaluation eval = new Evaluation((req, l) -> new AgentAnswer("El total de la región Norte es 12,5.", AgentAnswer.LLM,
          List.of("SELECT region, total FROM serving.ventas"), List.of(), rows(), null, List.of(), 3, 1200, 80, null, 4),
          "t", Pricing.NONE, judges);

      done = EvaluateJob.run(spark, "spark_catalog", "quality_old", EvaluateJob.read(dir.toString()), eval, truth, null, null,
          Map.of("model", "m", "benchmark", dir.toString(), "prompt_alias", "production"));
    }

    Row r = spark.sql("SELECT groundedness_status, groundedness, relevance, judge_prompt_groundedness, judge_model, "
        + "numbers_in_rows FROM spark_catalog.quality_old.eval_results WHERE run_id = '" + done.runId() + "'").first();
    assertThat(r.getString(0)).isEqualTo("JUDGED");
    assertThat(r.getDouble(1)).isEqualTo(1.0);
    assertThat(r.getDouble(2)).isEqualTo(1.0);
    assertThat(r.getString(3)).startsWith("prompts/judge-groundedness-v1.md#sha256:");
    assertThat(r.getString(4)).isEqualTo("juez");
    assertThat(r.getInt(5)).isEqualTo(1);
    assertThat(spark.sql("SELECT groundedness_status FROM spark_catalog.quality_old.eval_results WHERE run_id = 'viejo'")
        .first().isNullAt(0)).isTrue(); // older rows: not judged, not zero
    Row total = spark.sql("SELECT judged_groundedness, mean_groundedness, judge_prompt_relevance FROM "
        + "spark_catalog.quality_old.eval_runs WHERE run_id = '" + done.runId() + "' AND kind = 'total'").first();
    assertThat(total.getInt(0)).isEqualTo(1);
    assertThat(total.getDouble(1)).isEqualTo(1.0);
    assertThat(total.getString(2)).startsWith("prompts/judge-relevance-v1.md#sha256:");
  }
}
