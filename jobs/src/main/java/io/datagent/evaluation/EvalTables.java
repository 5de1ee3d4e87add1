package io.datagent.evaluation;

import io.datagent.spark.DeltaTables;
import io.datagent.spark.TableRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one evaluation to Delta (appended, one commit per table): {@code eval_runs}, one row for the whole run
 * ({@code kind = 'total'}) and one per kind, with the params and the MLflow run id or error; {@code eval_results},
 * one row per question (flagged items too, with {@code outcome = 'SIN_PUNTUAR'} and the reason).
 */
public final class EvalTables {

  /** What identifies and describes a run. */
  public record RunInfo(String runId, Instant startedAt, String benchmark, String promptAlias, String promptVersion,
      String model, String semanticModelVersion, String commit, String mlflowRunId, String mlflowError) {}

  static final StructType RUNS = new StructType()
      .add("run_id", DataTypes.StringType, false).add("started_at", DataTypes.TimestampType).add("kind", DataTypes.StringType)
      .add("benchmark", DataTypes.StringType).add("prompt_alias", DataTypes.StringType).add("prompt_version", DataTypes.StringType)
      .add("model", DataTypes.StringType).add("semantic_model_version", DataTypes.StringType).add("commit", DataTypes.StringType)
      .add("questions", DataTypes.IntegerType).add("exact", DataTypes.IntegerType).add("exact_rate", DataTypes.DoubleType)
      .add("declined", DataTypes.IntegerType).add("wrong", DataTypes.IntegerType).add("partial", DataTypes.IntegerType)
      .add("answered", DataTypes.IntegerType).add("sql_valid", DataTypes.IntegerType).add("flagged", DataTypes.IntegerType)
      .add("latency_p50_ms", DataTypes.LongType).add("latency_p99_ms", DataTypes.LongType).add("tokens", DataTypes.LongType)
      .add("cost_usd", DataTypes.DoubleType).add("mlflow_run_id", DataTypes.StringType).add("mlflow_error", DataTypes.StringType);

  static final StructType RESULTS = new StructType()
      .add("run_id", DataTypes.StringType, false).add("item_id", DataTypes.StringType).add("kind", DataTypes.StringType)
      .add("variant", DataTypes.StringType).add("question", DataTypes.StringType).add("outcome", DataTypes.StringType)
      .add("exact", DataTypes.BooleanType).add("sql_valid", DataTypes.BooleanType).add("answered", DataTypes.BooleanType)
      .add("latency_ms", DataTypes.LongType).add("prompt_tokens", DataTypes.IntegerType)
      .add("completion_tokens", DataTypes.IntegerType).add("cost_usd", DataTypes.DoubleType).add("mode", DataTypes.StringType)
      .add("prompt_version", DataTypes.StringType).add("sql", DataTypes.StringType).add("problem", DataTypes.StringType);

  private EvalTables() {}

  public static void write(SparkSession spark, TableRef runs, TableRef results, RunInfo info, EvalReport report) {
    List<Row> runRows = new ArrayList<>();
    runRows.add(runRow(info, report.overall(), report.flagged().size()));
    report.byKind().forEach(k -> runRows.add(runRow(info, k, (int) report.flagged().stream()
        .filter(f -> f.item().kind().equals(k.group())).count())));
    List<Row> resultRows = new ArrayList<>();
    for (Evaluation.Result r : report.results()) {
      resultRows.add(RowFactory.create(info.runId(), r.item().id(), r.item().kind(), r.item().variant(), r.item().question(),
          r.outcome().name(), r.outcome() == Outcome.EXACT, r.sqlValid(), r.answered(), r.millis(), r.promptTokens(),
          r.completionTokens(), r.cost(), r.mode(), r.promptVersion() == null ? null : String.valueOf(r.promptVersion()),
          String.join(";\n", r.sql()), null));
    }
    for (GroundTruth.Checked f : report.flagged()) {
      resultRows.add(RowFactory.create(info.runId(), f.item().id(), f.item().kind(), f.item().variant(), f.item().question(),
          "SIN_PUNTUAR", false, false, false, 0L, 0, 0, 0.0, null, null, f.item().sql(), f.problem()));
    }
    DeltaTables.append(spark.createDataFrame(runRows, RUNS), runs);
    DeltaTables.append(spark.createDataFrame(resultRows, RESULTS), results);
  }

  private static Row runRow(RunInfo i, EvalReport.Row r, int flagged) {
    return RowFactory.create(i.runId(), Timestamp.from(i.startedAt()), r.group(), i.benchmark(), i.promptAlias(),
        i.promptVersion(), i.model(), i.semanticModelVersion(), i.commit(), r.total(), r.exact(), r.exactRate(), r.declined(),
        r.wrong(), r.partial(), r.answered(), r.sqlValid(), flagged, r.p50Ms(), r.p99Ms(), r.tokens(), r.cost(), i.mlflowRunId(),
        i.mlflowError());
  }
}
