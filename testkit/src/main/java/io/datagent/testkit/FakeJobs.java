package io.datagent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.testkit.FakeWorkspace.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jobs API 2.2 as the SDK calls it: {@code runs/list} (paged by {@code page_token}), {@code runs/get},
 * {@code runs/get-output}, {@code runs/repair} (appends to {@code repair_history}, refuses a stale
 * {@code latest_repair_id}) and {@code run-now} (one run per idempotency token). Runs are kept as the API's JSON.
 */
public final class FakeJobs {

  private final Map<Long, ObjectNode> runs = new ConcurrentSkipListMap<>();
  private final Map<Long, ObjectNode> outputs = new ConcurrentHashMap<>();
  private final Map<String, Long> idempotency = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);

  /** Adds a run of {@code jobId} in a life-cycle state (and result state, or null); returns its JSON to adjust. */
  public ObjectNode addRun(long runId, long jobId, String lifeCycleState, String resultState) {
    ObjectNode run = FakeWorkspace.JSON.createObjectNode().put("run_id", runId).put("job_id", jobId)
        .put("run_name", "job-" + jobId).put("start_time", 1_700_000_000_000L + runId);
    ObjectNode state = run.putObject("state").put("life_cycle_state", lifeCycleState);
    if (resultState != null) {
      state.put("result_state", resultState);
    }
    runs.put(runId, run);
    return run;
  }

  /** The output {@code runs/get-output} gives for a task run. */
  public void output(long taskRunId, String error, String errorTrace) {
    outputs.put(taskRunId, FakeWorkspace.JSON.createObjectNode().put("error", error).put("error_trace", errorTrace));
  }

  /** Puts a run as the API's JSON (for callers that build it from their own model of a run). */
  public void putRun(ObjectNode run) {
    runs.put(run.path("run_id").asLong(), run);
  }

  /** Puts the {@code runs/get-output} JSON of a task run. */
  public void putOutput(long taskRunId, ObjectNode output) {
    outputs.put(taskRunId, output);
  }

  /** When the first repair of a run arrived (epoch milliseconds), or -1 if it has none. */
  public long firstRepairAt(long runId) {
    ObjectNode r = runs.get(runId);
    if (r == null) {
      return -1;
    }
    for (JsonNode h : r.path("repair_history")) {
      if ("REPAIR".equals(h.path("type").asText())) {
        return h.path("start_time").asLong();
      }
    }
    return -1;
  }

  public ObjectNode run(long runId) {
    return runs.get(runId);
  }

  /** How many repairs a run has had. */
  public int repairs(long runId) {
    ObjectNode r = runs.get(runId);
    return r == null ? 0 : (int) r.path("repair_history").size();
  }

  /** How many distinct runs {@code run-now} started. */
  public long runsStarted() {
    return idempotency.size();
  }

  void install(FakeWorkspace ws) {
    ws.route("GET", "/api/2\\.2/jobs/runs/list", (c, b) -> list(FakeWorkspace.query(c)));
    ws.route("GET", "/api/2\\.2/jobs/runs/get", (c, b) -> {
      ObjectNode r = runs.get(Long.parseLong(FakeWorkspace.query(c).getOrDefault("run_id", "0")));
      return r == null ? Reply.error(400, "INVALID_PARAMETER_VALUE", "Run does not exist") : Reply.json(r.toString());
    });
    ws.route("GET", "/api/2\\.2/jobs/runs/get-output", (c, b) -> {
      long id = Long.parseLong(FakeWorkspace.query(c).getOrDefault("run_id", "0"));
      ObjectNode o = outputs.getOrDefault(id, FakeWorkspace.JSON.createObjectNode()).deepCopy();
      o.putObject("metadata").put("run_id", id);
      return Reply.json(o.toString());
    });
    ws.route("POST", "/api/2\\.2/jobs/runs/repair", (c, b) -> repair(b));
    ws.route("POST", "/api/2\\.2/jobs/run-now", (c, b) -> {
      String token = b.path("idempotency_token").asText(null);
      long id = token == null ? ids.incrementAndGet() : idempotency.computeIfAbsent(token, k -> ids.incrementAndGet());
      runs.computeIfAbsent(id, k -> addRun(k, b.path("job_id").asLong(), "PENDING", null));
      return Reply.json(Map.of("run_id", id, "number_in_job", id));
    });
  }

  private Reply list(Map<String, String> q) {
    int limit = Integer.parseInt(q.getOrDefault("limit", "20"));
    if (limit < 0 || limit > 25) {
      return Reply.error(400, "INVALID_PARAMETER_VALUE", "limit must be between 0 and 25");
    }
    limit = limit == 0 ? 25 : limit;
    long after = Long.parseLong(q.getOrDefault("page_token", "-1"));
    List<ObjectNode> page = new ArrayList<>();
    Long next = null;
    for (ObjectNode r : runs.values()) {
      long id = r.path("run_id").asLong();
      if (id <= after || q.containsKey("job_id") && r.path("job_id").asLong() != Long.parseLong(q.get("job_id"))) {
        continue;
      }
      if (page.size() == limit) {
        next = page.get(page.size() - 1).path("run_id").asLong();
        break;
      }
      page.add(r);
    }
    ObjectNode out = FakeWorkspace.JSON.createObjectNode();
    ArrayNode arr = out.putArray("runs");
    page.forEach(arr::add);
    out.put("has_more", next != null);
    if (next != null) {
      out.put("next_page_token", String.valueOf(next));
    }
    return Reply.json(out.toString());
  }

  private synchronized Reply repair(JsonNode b) {
    ObjectNode run = runs.get(b.path("run_id").asLong());
    if (run == null) {
      return Reply.error(400, "INVALID_PARAMETER_VALUE", "Run does not exist");
    }
    ArrayNode history = run.has("repair_history") ? (ArrayNode) run.get("repair_history") : run.putArray("repair_history");
    long latest = history.isEmpty() ? -1 : history.get(history.size() - 1).path("id").asLong();
    if (b.hasNonNull("latest_repair_id") ? b.get("latest_repair_id").asLong() != latest : latest != -1) {
      return Reply.error(400, "INVALID_STATE", "latest_repair_id does not match the run's latest repair " + latest);
    }
    long id = ids.incrementAndGet();
    history.addObject().put("type", "REPAIR").put("id", id).put("start_time", System.currentTimeMillis())
        .putObject("state").put("life_cycle_state", "PENDING");
    ((ObjectNode) run.get("state")).put("life_cycle_state", "PENDING").remove("result_state");
    if (b.has("job_parameters")) {
      run.set("repair_job_parameters", b.get("job_parameters"));
    }
    return Reply.json(Map.of("repair_id", id));
  }
}
