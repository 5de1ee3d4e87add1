package io.datagent.app.apisources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.app.Refusal;
import io.datagent.app.catalog.Cells;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API sources as the jobs left them: definitions and state from the uploads Volume ({@link ApiSourceFiles}), the
 * last run's log lines from {@code raw._ingestion_log} and its rejected records from {@code raw._quarantine} (two
 * queries as the App's identity, the same way the Datos page reads the ingestion history). Read on every call.
 */
public final class ApiSources {

  static final String DEFINITIONS = "api/_sources";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int ERRORS_PER_SOURCE = 10;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern PAGE_IN_MESSAGE = Pattern.compile("página (\\d+)");
  private static final Pattern PAGE_FILE = Pattern.compile("page-0*(\\d+)\\.json$");

  private final ApiSourceFiles files;
  private final SqlExecutor sql;
  private final String logTable;
  private final String quarantineTable;

  /** @param logTable and {@code quarantineTable} as SQL names them, e.g. {@code raw._ingestion_log}, {@code raw._quarantine} */
  public ApiSources(ApiSourceFiles files, SqlExecutor sql, String logTable, String quarantineTable) {
    this.files = files;
    this.sql = sql;
    this.logTable = logTable;
    this.quarantineTable = quarantineTable;
  }

  public List<ApiSourceView> list() {
    List<String> definitions = files.list(DEFINITIONS).stream().filter(f -> f.endsWith(".yml") || f.endsWith(".yaml")).sorted().toList();
    if (definitions.isEmpty()) {
      return List.of();
    }
    List<List<Object>> log = rows("SELECT dataset, `table`, status, rows_read, rows_loaded, rows_quarantined, message, batch_id "
        + "FROM " + logTable + " WHERE dataset LIKE 'api/%' ORDER BY started_at DESC LIMIT 500", 500);
    List<List<Object>> quarantine = rows("SELECT `table`, source_file, source_row, `column`, value, reason, batch_id, quarantined_at "
        + "FROM " + quarantineTable + " WHERE source_file LIKE 'api/%' ORDER BY quarantined_at DESC LIMIT 500", 500);
    List<ApiSourceView> out = new ArrayList<>();
    for (String file : definitions) {
      out.add(source(file, log, quarantine));
    }
    return out;
  }

  private ApiSourceView source(String file, List<List<Object>> log, List<List<Object>> quarantine) {
    JsonNode def;
    try {
      def = YAML.readTree(files.read(DEFINITIONS + "/" + file).orElse(""));
    } catch (IOException e) {
      def = null;
    }
    String name = def == null ? "" : def.path("source").asText("");
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      return new ApiSourceView(file.replaceAll("\\.ya?ml$", ""), file, null, List.of(), null, null, List.of(),
          "El archivo no es una definición de fuente válida (falta la clave 'source' o no es YAML).");
    }
    List<ApiSourceView.Endpoint> endpoints = new ArrayList<>();
    for (JsonNode e : def.path("endpoints")) {
      endpoints.add(new ApiSourceView.Endpoint(e.path("path").asText(""), e.path("table").asText(""), id(e.path("id"))));
    }
    JsonNode state = files.read("api/" + name + "/_state.json").map(ApiSources::json).orElse(JSON.nullNode());
    String run = text(state, "last_run");
    Instant at = instant(text(state, "updated_at"));
    List<ApiSourceView.ApiError> errors = new ArrayList<>();
    if ("FAILED".equals(text(state, "last_status")) && text(state, "last_error") != null) {
      String why = text(state, "last_error");
      Matcher m = PAGE_IN_MESSAGE.matcher(why);
      errors.add(new ApiSourceView.ApiError(name, run, null, m.find() ? Integer.valueOf(m.group(1)) : null, null, null, null, why, at));
    }
    String prefix = "api/" + name + "/";
    for (List<Object> q : quarantine) {
      String sourceFile = String.valueOf(q.get(1));
      if (errors.size() >= ERRORS_PER_SOURCE || !sourceFile.startsWith(prefix)) {
        continue;
      }
      Matcher m = PAGE_FILE.matcher(sourceFile);
      errors.add(new ApiSourceView.ApiError(name, Cells.str(q.get(6)), Cells.str(q.get(0)), m.find() ? Integer.valueOf(m.group(1)) : null,
          Cells.num(q.get(2)), Cells.str(q.get(3)), Cells.str(q.get(4)), Cells.str(q.get(5)), io.datagent.app.catalog.AgentDataCatalog.instant(q.get(7))));
    }
    ApiSourceView.LastRun last = run == null ? null : lastRun(name, run, at, text(state, "last_status"), endpoints, log);
    return new ApiSourceView(name, file, def.path("base_url").asText(null), endpoints, last, text(state, "high_water_mark"),
        errors, null);
  }

  private ApiSourceView.LastRun lastRun(String name, String run, Instant at, String status, List<ApiSourceView.Endpoint> endpoints,
      List<List<Object>> log) {
    List<ApiSourceView.TableRun> tables = new ArrayList<>();
    Long pages = null;
    Long records = null;
    long loaded = 0;
    long quarantined = 0;
    for (ApiSourceView.Endpoint ep : endpoints) {
      JsonNode complete = files.read("api/" + name + "/" + run + "/" + ep.table() + "/_complete.json").map(ApiSources::json)
          .orElse(JSON.nullNode());
      Long p = complete.has("pages") ? complete.get("pages").asLong() : null;
      Long r = complete.has("records") ? complete.get("records").asLong() : null;
      pages = sum(pages, p);
      records = sum(records, r);
      Optional<List<Object>> line = log.stream().filter(l -> ("api/" + name + "/" + ep.table()).equals(Cells.str(l.get(0)))
          && run.equals(Cells.str(l.get(7)))).findFirst();
      long l = line.map(v -> Cells.num(v.get(4))).orElse(0L);
      long q = line.map(v -> Cells.num(v.get(5))).orElse(0L);
      loaded += l;
      quarantined += q;
      tables.add(new ApiSourceView.TableRun(ep.table(), line.map(v -> Cells.str(v.get(2))).orElse(p != null ? "EXTRAÍDO" : null), p,
          line.map(v -> Cells.num(v.get(3))).orElse(r), l, q, line.map(v -> Cells.str(v.get(6))).orElse(null)));
    }
    return new ApiSourceView.LastRun(run, at, status, pages, records, loaded, quarantined, tables);
  }

  /** A total over the endpoints that have a count; null while none has. */
  private static Long sum(Long total, Long value) {
    if (value == null) {
      return total;
    }
    return total == null ? value : total + value;
  }

  private List<List<Object>> rows(String statement, int max) {
    try {
      QueryResult r = sql.execute(statement, max, TIMEOUT, null);
      return r.rows();
    } catch (SqlExecutionException e) {
      if (e.kind() == SqlExecutionException.Kind.SQL && String.valueOf(e.getMessage()).toUpperCase().contains("NOT_FOUND")) {
        return List.of(); // nothing loaded or quarantined yet
      }
      throw new Refusal(Refusal.Kind.UNAVAILABLE, "No se pudo leer el registro de cargas de las fuentes API: " + e.getMessage());
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.nullNode();
    }
  }

  /** The id as the file writes it: one field, or the fields of a composite key joined ({@code datetime_utc, geo_id}). */
  private static String id(JsonNode id) {
    if (!id.isArray()) {
      return id.asText(null);
    }
    List<String> fields = new ArrayList<>();
    id.forEach(f -> fields.add(f.asText()));
    return String.join(", ", fields);
  }

  private static String text(JsonNode n, String key) {
    return n.hasNonNull(key) ? n.get(key).asText() : null;
  }

  private static Instant instant(String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

}
