package io.datagent.jobmonitor.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the Jobs API 2.2 JSON of runs ({@code runs/get}, {@code runs/list}) and outputs
 * ({@code runs/get-output}). When {@code state.result_state} is absent (2.2 moves towards {@code status}), it is
 * derived from {@code status.termination_details.code}.
 */
public final class RunJson {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private RunJson() {}

  public static JobRun run(JsonNode n) {
    JsonNode state = n.path("state");
    JsonNode status = n.path("status");
    JsonNode term = status.path("termination_details");
    String life = text(state, "life_cycle_state");
    if (life == null) {
      life = text(status, "state");
    }
    String code = text(term, "code");
    List<TaskRun> tasks = new ArrayList<>();
    for (JsonNode t : n.path("tasks")) {
      tasks.add(task(t));
    }
    List<JobParameter> params = new ArrayList<>();
    for (JsonNode p : n.path("job_parameters")) {
      params.add(new JobParameter(text(p, "name"), text(p, "default"), text(p, "value")));
    }
    List<RepairEntry> repairs = new ArrayList<>();
    for (JsonNode r : n.path("repair_history")) {
      List<Long> ids = new ArrayList<>();
      r.path("task_run_ids").forEach(i -> ids.add(i.asLong()));
      String rlife = text(r.path("state"), "life_cycle_state");
      repairs.add(new RepairEntry(text(r, "type"), r.path("id").asLong(), r.path("start_time").asLong(),
          r.path("end_time").asLong(), rlife != null ? rlife : text(r.path("status"), "state"),
          result(r.path("state"), r.path("status")), ids));
    }
    Long jobId = n.hasNonNull("job_id") ? n.get("job_id").asLong() : null;
    return new JobRun(n.path("run_id").asLong(), jobId, text(n, "run_name"), life, result(state, status),
        text(state, "state_message") != null && !text(state, "state_message").isEmpty() ? text(state, "state_message")
            : text(term, "message"),
        state.path("user_cancelled_or_timedout").asBoolean(false), code, text(term, "type"),
        n.path("start_time").asLong(0), n.path("end_time").asLong(0), text(n, "run_page_url"), tasks, params, repairs,
        n.path("has_more").asBoolean(false));
  }

  public static TaskRun task(JsonNode t) {
    JsonNode state = t.path("state");
    JsonNode status = t.path("status");
    String life = text(state, "life_cycle_state");
    return new TaskRun(t.path("run_id").asLong(), text(t, "task_key"), life != null ? life : text(status, "state"),
        result(state, status), text(state, "state_message"), text(status.path("termination_details"), "code"),
        t.path("attempt_number").asInt(0), t.path("start_time").asLong(0), t.path("end_time").asLong(0),
        text(t, "run_page_url"), t.has("run_job_task"));
  }

  public static RunOutput output(JsonNode n) {
    return new RunOutput(text(n, "error"), text(n, "error_trace"), text(n, "logs"), n.path("logs_truncated").asBoolean());
  }

  public static RunPage page(JsonNode n) {
    List<JobRun> runs = new ArrayList<>();
    for (JsonNode r : n.path("runs")) {
      runs.add(run(r));
    }
    return new RunPage(runs, text(n, "next_page_token"), n.path("has_more").asBoolean(false));
  }

  /** {@code state.result_state}, else derived from {@code status.termination_details.code} of a terminated run. */
  static String result(JsonNode state, JsonNode status) {
    String r = text(state, "result_state");
    if (r != null) {
      return r;
    }
    String code = text(status.path("termination_details"), "code");
    if (code == null || !"TERMINATED".equals(text(status, "state"))) {
      return null;
    }
    return switch (code) {
      case "SUCCESS" -> "SUCCESS";
      case "SUCCESS_WITH_FAILURES" -> "SUCCESS_WITH_FAILURES";
      case "USER_CANCELED", "CANCELED" -> "CANCELED";
      case "SKIPPED", "DISABLED" -> "EXCLUDED";
      default -> "FAILED";
    };
  }

  static String text(JsonNode n, String key) {
    JsonNode v = n == null ? null : n.get(key);
    return v == null || v.isNull() || v.isMissingNode() ? null : v.asText();
  }

  /** Writes a run in the {@code runs/get} shape (what the local recorder stores and the loopback API serves). */
  public static ObjectNode toJson(JobRun r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("run_id", r.runId());
    if (r.jobId() != null) {
      n.put("job_id", r.jobId());
    }
    n.put("run_name", r.runName());
    n.put("start_time", r.startTime());
    n.put("end_time", r.endTime());
    if (r.runPageUrl() != null) {
      n.put("run_page_url", r.runPageUrl());
    }
    n.set("state", state(r.lifeCycleState(), r.resultState(), r.stateMessage(), r.userCancelledOrTimedout()));
    n.set("status", status(r.lifeCycleState(), r.terminationCode(), r.terminationType(), r.stateMessage()));
    ArrayNode tasks = n.putArray("tasks");
    for (TaskRun t : r.tasks()) {
      ObjectNode tn = tasks.addObject();
      tn.put("run_id", t.runId());
      tn.put("task_key", t.taskKey());
      tn.put("attempt_number", t.attemptNumber());
      tn.put("start_time", t.startTime());
      tn.put("end_time", t.endTime());
      if (t.runsAnotherJob()) {
        tn.putObject("run_job_task");
      }
      tn.set("state", state(t.lifeCycleState(), t.resultState(), t.stateMessage(), false));
      tn.set("status", status(t.lifeCycleState(), t.terminationCode(), null, t.stateMessage()));
    }
    ArrayNode params = n.putArray("job_parameters");
    for (JobParameter p : r.jobParameters()) {
      ObjectNode pn = params.addObject().put("name", p.name());
      if (p.defaultValue() != null) {
        pn.put("default", p.defaultValue());
      }
      if (p.value() != null) {
        pn.put("value", p.value());
      }
    }
    ArrayNode repairs = n.putArray("repair_history");
    for (RepairEntry e : r.repairs()) {
      ObjectNode en = repairs.addObject().put("type", e.type()).put("id", e.id())
          .put("start_time", e.startTime()).put("end_time", e.endTime());
      en.set("state", state(e.lifeCycleState(), e.resultState(), null, false));
      ArrayNode ids = en.putArray("task_run_ids");
      e.taskRunIds().forEach(ids::add);
    }
    return n;
  }

  private static ObjectNode state(String life, String result, String message, boolean userCancelled) {
    ObjectNode s = MAPPER.createObjectNode();
    s.put("life_cycle_state", life);
    if (result != null) {
      s.put("result_state", result);
    }
    s.put("state_message", message == null ? "" : message);
    s.put("user_cancelled_or_timedout", userCancelled);
    return s;
  }

  private static ObjectNode status(String life, String code, String type, String message) {
    ObjectNode s = MAPPER.createObjectNode();
    boolean terminated = life != null && !List.of("QUEUED", "PENDING", "RUNNING", "TERMINATING", "BLOCKED", "WAITING")
        .contains(life);
    s.put("state", terminated ? "TERMINATED" : life);
    if (code != null) {
      ObjectNode d = s.putObject("termination_details").put("code", code);
      d.put("type", type != null ? type : "SUCCESS".equals(code) ? "SUCCESS" : "CLIENT_ERROR");
      d.put("message", message == null ? "" : message);
    }
    return s;
  }

  public static ObjectNode toJson(RunOutput o) {
    ObjectNode n = MAPPER.createObjectNode();
    if (o.error() != null) {
      n.put("error", o.error());
    }
    if (o.errorTrace() != null) {
      n.put("error_trace", o.errorTrace());
    }
    if (o.logs() != null) {
      n.put("logs", o.logs());
    }
    n.put("logs_truncated", o.logsTruncated());
    return n;
  }
}
