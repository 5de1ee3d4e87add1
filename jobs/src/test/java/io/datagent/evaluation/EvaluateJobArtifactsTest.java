package io.datagent.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.ml.CreateExperiment;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.sql.SqlPolicy;
import io.datagent.evaluation.mlflow.MlflowRunLog;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.platform.mlflow.MlflowArtifactStore;
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
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EvaluateJob with the per-question table as an artifact in the experiment's Volume, as the bundle deploys it. */
class EvaluateJobArtifactsTest {

  @Test
  void should_finish_the_run_and_keep_the_delta_rows_when_the_volume_upload_answers_500(@TempDir Path dir) throws Exception {
    SparkSession spark = SharedSpark.get();
    spark.sql("CREATE DATABASE IF NOT EXISTS monitor LOCATION "
        + Sql.literal(SharedSpark.workspace().resolve("tables/monitor").toUri().toString()));
    Files.writeString(dir.resolve("banco.jsonl"),
        "{\"id\":\"rechazo-art\",\"kind\":\"rechazo\",\"question\":\"¿Quién ganará la liga?\",\"expected\":{\"type\":\"decline\"}}");
    Evaluation eval = new Evaluation((req, l) -> new AgentAnswer("No puedo saberlo con estos datos.", AgentAnswer.REFUSED,
        List.of(), List.of(), new QueryResult(List.of(), List.of(), List.of(), false), null, List.of(), 1, 0, 0, null, null),
        "t", new Pricing(0, 0));
    GroundTruth truth = new GroundTruth(new SqlGuard(SqlPolicy.servingOnly()),
        (sql, maxRows, timeout, token) -> { throw new AssertionError("no expected SQL here"); }, Duration.ofSeconds(5));
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.auth().allowToken("dapi-job");
      Platform platform = new Platform(PlatformConfig.pat(ws.url(), "dapi-job"));
      platform.workspace().experiments().createExperiment(new CreateExperiment().setName("/Shared/quality")
          .setArtifactLocation("dbfs:/Volumes/main/quality/mlflow/quality"));
      Fault[] down = new Fault[8];
      Arrays.fill(down, Fault.error(500, "INTERNAL_ERROR", "volume unavailable"));
      ws.fail("/api/2\\.0/fs/files/Volumes/main/quality/mlflow/.+", down);

      EvaluateJob.Done done = EvaluateJob.run(spark, "spark_catalog", EvaluateJob.read(dir.toString()), eval, truth,
          MlflowRunLog.databricks(ws.url(), () -> "dapi-job").withArtifacts(MlflowArtifactStore.workspace(platform)::put),
          "/Shared/quality", Map.of("model", "m", "benchmark", dir.toString(), "prompt_alias", "production"));

      assertThat(done.mlflow().error()).contains("pero no la tabla por pregunta").contains("500");
      assertThat(ws.store().mlflowRuns().get(done.mlflow().runId()).at("/info/status").asText()).isEqualTo("FINISHED");
      assertThat(spark.sql("SELECT mlflow_run_id, mlflow_error FROM spark_catalog.monitor.eval_runs WHERE run_id = '"
          + done.runId() + "' AND kind = 'total'").first().getString(1)).contains("tabla por pregunta");
      assertThat(spark.sql("SELECT count(*) FROM spark_catalog.monitor.eval_results WHERE run_id = '" + done.runId() + "'")
          .first().getLong(0)).isEqualTo(1);
    }
  }
}
