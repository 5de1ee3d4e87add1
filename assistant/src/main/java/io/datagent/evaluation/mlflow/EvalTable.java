package io.datagent.evaluation.mlflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The per-question table of one evaluation as MLflow run artifacts: {@code eval_results_table.json} in the shape
 * MLflow's {@code log_table} writes (pandas "split": {@code {"columns": [...], "data": [[...], ...]}}), which the run
 * page shows as a table when the run's {@code mlflow.loggedArtifacts} tag lists it with type {@code table}, and the
 * same rows as {@code eval_results_table.csv} (RFC 4180, header first) for a spreadsheet.
 */
public final class EvalTable {

  /** The JSON artifact's path under the run's artifact root. */
  public static final String JSON = "eval_results_table.json";
  /** The CSV artifact's path under the run's artifact root. */
  public static final String CSV = "eval_results_table.csv";
  /** The run tag MLflow's UI reads to list a run's tables; its value for {@link #JSON}. */
  public static final String LOGGED_ARTIFACTS_TAG = "mlflow.loggedArtifacts";
  public static final String LOGGED_ARTIFACTS = "[{\"path\": \"" + JSON + "\", \"type\": \"table\"}]";

  static final List<String> COLUMNS = List.of("id", "kind", "variant", "question", "outcome", "mode", "latency_ms",
      "sql_valid", "sql", "prompt_tokens", "completion_tokens", "cost_usd", "prompt_version", "answer");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EvalTable() {}

  public static byte[] json(EvalReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    COLUMNS.forEach(root.putArray("columns")::add);
    ArrayNode data = root.putArray("data");
    for (Evaluation.Result r : report.results()) {
      ArrayNode row = data.addArray();
      row.add(r.item().id()).add(r.item().kind()).add(r.item().variant()).add(r.item().question())
          .add(r.outcome().name()).add(r.mode()).add(r.millis()).add(r.sqlValid()).add(String.join(";\n", r.sql()))
          .add(r.promptTokens()).add(r.completionTokens()).add(r.cost());
      if (r.promptVersion() == null) {
        row.addNull();
      } else {
        row.add(r.promptVersion());
      }
      row.add(r.answer());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] csv(EvalReport report) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (Evaluation.Result r : report.results()) {
      List<Object> cells = new ArrayList<>(List.of(r.item().id(), nz(r.item().kind()), nz(r.item().variant()),
          r.item().question(), r.outcome().name(), nz(r.mode()), r.millis(), r.sqlValid(), String.join(";\n", r.sql()),
          r.promptTokens(), r.completionTokens(), r.cost()));
      cells.add(r.promptVersion() == null ? "" : r.promptVersion());
      cells.add(nz(r.answer()));
      out.append(String.join(",", cells.stream().map(c -> StringEscapeUtils.escapeCsv(String.valueOf(c))).toList()))
          .append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
