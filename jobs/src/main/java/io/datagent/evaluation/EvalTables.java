package io.datagent.evaluation;

import io.datagent.spark.DeltaTables;
import io.datagent.spark.TableRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.datagent.evaluation.judge.Judgment;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one evaluation to Delta (appended, one commit per table): {@code eval_runs}, one row for the whole run
 * ({@code kind = 'total'}) and one per kind, with the params and the MLflow run id or error; {@code eval_results},
 * one row per question (flagged items too, with {@code outcome = 'SIN_PUNTUAR'} and the reason).
 *
 * <p>The judges' columns (issue 14: numbers in rows, groundedness and relevance with status, rationale, judge model,
 * judge prompt versions, judge tokens and cost) come after the first ones; a table written before them gets them
 * added on the next append (Delta schema evolution, additive), its older rows reading NULL: not judged, not zero.
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
      .add("cost_usd", DataTypes.DoubleType).add("mlflow_run_id", DataTypes.StringType).add("mlflow_error", DataTypes.StringType)
      .add("numbers_stated", DataTypes.IntegerType).add("numbers_in_rows", DataTypes.IntegerType)
      .add("judged_groundedness", DataTypes.IntegerType).add("mean_groundedness", DataTypes.DoubleType)
      .add("judged_relevance", DataTypes.IntegerType).add("mean_relevance", DataTypes.DoubleType)
      .add("judge_invalid", DataTypes.IntegerType).add("judge_failed", DataTypes.IntegerType)
      .add("judge_not_run", DataTypes.IntegerType).add("judge_tokens", DataTypes.LongType).add("judge_cost_usd", DataTypes.DoubleType)
      .add("judge_model", DataTypes.StringType).add("judge_prompt_groundedness", DataTypes.StringType)
      .add("judge_prompt_relevance", DataTypes.StringType);

  static final StructType RESULTS = new StructType()
      .add("run_id", DataTypes.StringType, false).add("item_id", DataTypes.StringType).add("kind", DataTypes.StringType)
      .add("variant", DataTypes.StringType).add("question", DataTypes.StringType).add("outcome", DataTypes.StringType)
      .add("exact", DataTypes.BooleanType).add("sql_valid", DataTypes.BooleanType).add("answered", DataTypes.BooleanType)
      .add("latency_ms", DataTypes.LongType).add("prompt_tokens", DataTypes.IntegerType)
      .add("completion_tokens", DataTypes.IntegerType).add("cost_usd", DataTypes.DoubleType).add("mode", DataTypes.StringType)
      .add("prompt_version", DataTypes.StringType).add("sql", DataTypes.StringType).add("problem", DataTypes.StringType)
      .add("numbers_stated", DataTypes.IntegerType).add("numbers_in_rows", DataTypes.IntegerType)
      .add("numbers_missing", DataTypes.StringType)
      .add("groundedness_status", DataTypes.StringType).add("groundedness", DataTypes.DoubleType)
      .add("groundedness_rationale", DataTypes.StringType).add("relevance_status", DataTypes.StringType)
      .add("relevance", DataTypes.DoubleType).add("relevance_rationale", DataTypes.StringType)
      .add("judge_model", DataTypes.StringType).add("judge_prompt_groundedness", DataTypes.StringType)
      .add("judge_prompt_relevance", DataTypes.StringType).add("judge_prompt_tokens", DataTypes.IntegerType)
      .add("judge_completion_tokens", DataTypes.IntegerType).add("judge_cost_usd", DataTypes.DoubleType);

  private EvalTables() {}

  public static void write(SparkSession spark, TableRef runs, TableRef results, RunInfo info, EvalReport report) {
    List<Row> runRows = new ArrayList<>();
    Map<String, String> judges = report.judgeParams();
    runRows.add(runRow(info, report.overall(), report.flagged().size(), report.judgesOverall(), judges));
    Map<String, JudgeRow> judged = new java.util.HashMap<>();
    report.judgesByKind().forEach(j -> judged.put(j.group(), j));
    report.byKind().forEach(k -> runRows.add(runRow(info, k, (int) report.flagged().stream()
        .filter(f -> f.item().kind().equals(k.group())).count(), judged.get(k.group()), judges)));
    List<Row> resultRows = new ArrayList<>();
    for (Evaluation.Result r : report.results()) {
      Judgment j = r.judgment();
      resultRows.add(RowFactory.create(info.runId(), r.item().id(), r.item().kind(), r.item().variant(), r.item().question(),
          r.outcome().name(), r.outcome() == Outcome.EXACT, r.sqlValid(), r.answered(), r.millis(), r.promptTokens(),
          r.completionTokens(), r.cost(), r.mode(), r.promptVersion() == null ? null : String.valueOf(r.promptVersion()),
          String.join(";\n", r.sql()), null, r.numbers().stated(), r.numbers().found(),
          String.join(" ", r.numbers().missing()), j.groundedness().status().name(), j.groundedness().normalized(),
          j.groundedness().rationale(), j.relevance().status().name(), j.relevance().normalized(), j.relevance().rationale(),
          j.model(), j.groundedness().prompt(), j.relevance().prompt(), j.promptTokens(), j.completionTokens(), j.cost()));
    }
    for (GroundTruth.Checked f : report.flagged()) {
      resultRows.add(RowFactory.create(info.runId(), f.item().id(), f.item().kind(), f.item().variant(), f.item().question(),
          "SIN_PUNTUAR", false, false, false, 0L, 0, 0, 0.0, null, null, f.item().sql(), f.problem(), 0, 0, null, null, null,
          null, null, null, null, null, null, null, 0, 0, 0.0));
    }
    DeltaTables.append(spark.createDataFrame(runRows, RUNS), runs);
    DeltaTables.append(spark.createDataFrame(resultRows, RESULTS), results);
  }

  private static Row runRow(RunInfo i, EvalReport.Row r, int flagged, JudgeRow j, Map<String, String> judges) {
    return RowFactory.create(i.runId(), Timestamp.from(i.startedAt()), r.group(), i.benchmark(), i.promptAlias(),
        i.promptVersion(), i.model(), i.semanticModelVersion(), i.commit(), r.total(), r.exact(), r.exactRate(), r.declined(),
        r.wrong(), r.partial(), r.answered(), r.sqlValid(), flagged, r.p50Ms(), r.p99Ms(), r.tokens(), r.cost(), i.mlflowRunId(),
        i.mlflowError(), j.numbersStated(), j.numbersFound(), j.judgedGroundedness(), j.groundedness(), j.judgedRelevance(),
        j.relevance(), j.invalid(), j.failed(), j.notRun(), j.tokens(), j.cost(), judges.get("judge_model"),
        judges.get("judge_prompt_groundedness"), judges.get("judge_prompt_relevance"));
  }
}
