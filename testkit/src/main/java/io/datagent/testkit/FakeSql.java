package io.datagent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.testkit.FakeWorkspace.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Statement Execution as the SDK calls it ({@code POST /api/2.0/sql/statements}, {@code GET .../{id}},
 * {@code GET .../{id}/result/chunks/{n}}, {@code POST .../{id}/cancel}), answering statements that match a regex
 * with scripted columns and rows ({@code JSON_ARRAY}), split in chunks of {@link #chunkRows} rows, after
 * {@link #pendingPolls} polls in RUNNING; or with a FAILED status and the warehouse's error code.
 */
public final class FakeSql {

  /** A column as {@code name}, {@code type_name} and {@code type_text}. */
  public record Col(String name, String type, String text) {
    public Col(String name, String type) {
      this(name, type, type);
    }
  }

  private record Answer(Pattern statement, List<Col> columns, List<List<String>> rows, String errorCode, String message,
      boolean once) {
    Answer(Pattern statement, List<Col> columns, List<List<String>> rows, String errorCode, String message) {
      this(statement, columns, rows, errorCode, message, false);
    }
  }

  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> statements = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> chunks = new ConcurrentHashMap<>();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile int chunkRows = 1000;
  private volatile int pendingPolls;

  /** Statements matching {@code regex} (searched, case-insensitive) return these rows; later answers win. */
  public FakeSql answer(String regex, List<Col> columns, List<List<String>> rows) {
    answers.add(0, new Answer(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), columns, rows, null, null));
    return this;
  }

  /**
   * The next statement matching {@code regex} returns these rows, then this answer is used up (for pages of one
   * statement text with different parameters). One-off answers are used in the order they were added.
   */
  public FakeSql answerOnce(String regex, List<Col> columns, List<List<String>> rows) {
    answers.add(new Answer(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), columns, rows, null, null, true));
    return this;
  }

  /** Statements matching {@code regex} end FAILED with {@code errorCode} (e.g. TABLE_OR_VIEW_NOT_FOUND). */
  public FakeSql failWith(String regex, String errorCode, String message) {
    answers.add(0, new Answer(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), List.of(), List.of(), errorCode, message));
    return this;
  }

  public FakeSql chunkRows(int n) {
    this.chunkRows = n;
    return this;
  }

  /** Each statement answers RUNNING this many times before its result (use a large number to force a timeout). */
  public FakeSql pendingPolls(int n) {
    this.pendingPolls = n;
    return this;
  }

  /** The request bodies received by {@code POST /api/2.0/sql/statements}. */
  public List<JsonNode> received() {
    return List.copyOf(received);
  }

  /** The next statement ends in {@code state} (e.g. CANCELED, as the warehouse does at {@code wait_timeout}). */
  public FakeSql endIn(String regex, String state) {
    answers.add(0, new Answer(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), List.of(), List.of(), state, null));
    return this;
  }

  /** Whether a statement was cancelled. */
  public boolean cancelled() {
    return statements.values().stream().anyMatch(s -> "CANCELED".equals(s.path("status").path("state").asText()));
  }

  void install(FakeWorkspace ws) {
    ws.route("POST", "/api/2\\.0/sql/statements/?", (c, b) -> {
      received.add(b);
      String id = "stmt-" + ids.incrementAndGet();
      ObjectNode done = finished(id, b.path("statement").asText(), b.path("row_limit").asLong(0));
      statements.put(id, done);
      polls.put(id, new AtomicInteger(pendingPolls));
      return Reply.json(pendingPolls > 0 ? running(id).toString() : done.toString());
    });
    ws.route("GET", "/api/2\\.0/sql/statements/[^/]+", (c, b) -> {
      String id = c.path().substring(c.path().lastIndexOf('/') + 1);
      ObjectNode s = statements.get(id);
      if (s == null) {
        return Reply.error(404, "NOT_FOUND", "statement " + id);
      }
      return Reply.json(polls.get(id).getAndDecrement() > 0 && !cancelledState(s) ? running(id).toString() : s.toString());
    });
    ws.route("POST", "/api/2\\.0/sql/statements/[^/]+/cancel", (c, b) -> {
      String id = c.path().split("/")[5];
      ObjectNode s = statements.get(id);
      if (s != null) {
        s.putObject("status").put("state", "CANCELED");
        s.remove("result");
      }
      return Reply.json("{}");
    });
    ws.route("GET", "/api/2\\.0/sql/statements/[^/]+/result/chunks/\\d+", (c, b) -> {
      String[] p = c.path().split("/");
      return Reply.json(chunks.get(p[5]).get(Integer.parseInt(p[8])).toString());
    });
  }

  private static boolean cancelledState(ObjectNode s) {
    return "CANCELED".equals(s.path("status").path("state").asText());
  }

  private static ObjectNode running(String id) {
    ObjectNode n = FakeWorkspace.JSON.createObjectNode().put("statement_id", id);
    n.putObject("status").put("state", "RUNNING");
    return n;
  }

  private ObjectNode finished(String id, String statement, long rowLimit) {
    Answer a = answers.stream().filter(x -> x.once() && x.statement().matcher(statement).find()).findFirst()
        .or(() -> answers.stream().filter(x -> !x.once() && x.statement().matcher(statement).find()).findFirst())
        .orElse(new Answer(null, List.of(), List.of(), "TABLE_OR_VIEW_NOT_FOUND", "[TABLE_OR_VIEW_NOT_FOUND] no answer scripted for: " + statement));
    if (a.once()) {
      answers.remove(a);
    }
    ObjectNode n = FakeWorkspace.JSON.createObjectNode().put("statement_id", id);
    if ("CANCELED".equals(a.errorCode()) || "CLOSED".equals(a.errorCode())) {
      n.putObject("status").put("state", a.errorCode());
      return n;
    }
    if (a.errorCode() != null) {
      n.putObject("status").put("state", "FAILED").putObject("error").put("error_code", a.errorCode()).put("message", a.message());
      return n;
    }
    n.putObject("status").put("state", "SUCCEEDED");
    List<List<String>> rows = rowLimit > 0 && a.rows().size() > rowLimit ? a.rows().subList(0, (int) rowLimit) : a.rows();
    ObjectNode manifest = n.putObject("manifest").put("format", "JSON_ARRAY").put("truncated", rows.size() < a.rows().size());
    ArrayNode cols = manifest.putObject("schema").put("column_count", a.columns().size()).putArray("columns");
    for (int i = 0; i < a.columns().size(); i++) {
      cols.addObject().put("name", a.columns().get(i).name()).put("type_name", a.columns().get(i).type())
          .put("type_text", a.columns().get(i).text()).put("position", i);
    }
    List<ObjectNode> chunks = new ArrayList<>();
    for (int from = 0; from == 0 || from < rows.size(); from += chunkRows) {
      int index = chunks.size();
      ObjectNode chunk = FakeWorkspace.JSON.createObjectNode().put("chunk_index", index).put("row_offset", from);
      ArrayNode data = chunk.putArray("data_array");
      for (List<String> r : rows.subList(from, Math.min(rows.size(), from + chunkRows))) {
        ArrayNode row = data.addArray();
        r.forEach(row::add);
      }
      chunk.put("row_count", data.size());
      chunks.add(chunk);
    }
    for (int i = 0; i + 1 < chunks.size(); i++) {
      chunks.get(i).put("next_chunk_index", i + 1)
          .put("next_chunk_internal_link", "/api/2.0/sql/statements/" + id + "/result/chunks/" + (i + 1));
    }
    manifest.put("total_chunk_count", chunks.size());
    n.set("result", chunks.get(0));
    this.chunks.put(id, chunks);
    return n;
  }
}
