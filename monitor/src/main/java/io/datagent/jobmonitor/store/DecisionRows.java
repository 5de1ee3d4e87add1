package io.datagent.jobmonitor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.jobmonitor.act.Action;
import io.datagent.jobmonitor.act.Plan;
import io.datagent.jobmonitor.classify.Category;
import io.datagent.jobmonitor.classify.Classification;
import io.datagent.jobmonitor.classify.Evidence;
import io.datagent.jobmonitor.classify.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Maps {@code monitor.decisions} rows to {@link Decision}s, and values to their JSON columns. */
final class DecisionRows {

  static final ObjectMapper JSON = new ObjectMapper();

  private DecisionRows() {}

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Decision map(ResultSet rs) throws SQLException {
    try {
      List<Evidence> evidence = JSON.readValue(rs.getString("evidence"), new TypeReference<>() {});
      Map<String, String> params = JSON.readValue(rs.getString("parameters"), new TypeReference<>() {});
      List<String> tasks = JSON.readValue(rs.getString("task_keys"), new TypeReference<>() {});
      Classification c = new Classification(Category.parse(rs.getString("category")), rs.getDouble("confidence"),
          Severity.parse(rs.getString("severity")), rs.getString("stage"), evidence, rs.getString("explanation"),
          rs.getString("root_cause"), rs.getString("recommendation"), Map.of());
      Plan plan = new Plan(Action.parse(rs.getString("action")), params, Jdbc.instant(rs, "not_before"),
          rs.getString("reason"));
      String label = rs.getString("label");
      Decision.Label l = label == null ? null : new Decision.Label("RIGHT".equals(label), rs.getString("label_category"),
          rs.getString("label_note"), rs.getString("labelled_by"), Jdbc.instant(rs, "labelled_at"));
      return new Decision(rs.getLong("id"), rs.getLong("run_id"), rs.getInt("attempt"), Jdbc.longOrNull(rs, "job_id"),
          rs.getString("job_name"), tasks, rs.getString("run_page_url"), rs.getString("job_url"), c, plan,
          rs.getString("error_excerpt"), rs.getString("failure_text"), Decision.Status.valueOf(rs.getString("status")),
          Jdbc.longOrNull(rs, "expected_repair_id"), Jdbc.longOrNull(rs, "repair_id"), rs.getString("outcome"),
          rs.getString("outcome_detail"), rs.getInt("tries"), rs.getString("resolution"), Jdbc.instant(rs, "decided_at"),
          Jdbc.instant(rs, "acted_at"), Jdbc.instant(rs, "completed_at"), Jdbc.instant(rs, "resolved_at"), l);
    } catch (JsonProcessingException e) {
      throw new SQLException("bad JSON in monitor.decisions: " + e.getOriginalMessage(), e);
    }
  }
}
