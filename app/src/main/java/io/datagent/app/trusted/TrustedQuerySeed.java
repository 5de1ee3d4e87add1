package io.datagent.app.trusted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.trusted.ParamType;
import io.datagent.agent.trusted.TrustedQueries;
import io.datagent.agent.trusted.TrustedQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's trusted queries, from a JSON resource ({@code [{"id", "table", "title", "patterns", "sql", "params":
 * [{"name", "type"}]}]}), stored on the first start: only when the store holds none yet, so starting again adds
 * nothing and an engineer's deletions stay deleted while others remain.
 */
public final class TrustedQuerySeed {

  public static final String AUTHOR = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrustedQuerySeed() {}

  /** Reads the queries of {@code json}. */
  public static List<TrustedQuery> read(InputStream json, Instant now) {
    try {
      List<TrustedQuery> out = new ArrayList<>();
      for (JsonNode q : JSON.readTree(json)) {
        List<String> patterns = new ArrayList<>();
        q.path("patterns").forEach(p -> patterns.add(p.asText()));
        Map<String, ParamType> params = new LinkedHashMap<>();
        q.path("params").forEach(p -> params.put(p.path("name").asText(),
            ParamType.parse(p.path("type").asText()).orElseThrow(() -> new IllegalArgumentException("bad type " + p))));
        out.add(new TrustedQuery(q.path("id").asText(), q.path("table").asText(), q.path("title").asText(), patterns,
            q.path("sql").asText(), params, AUTHOR, now));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the demo trusted queries", e);
    }
  }

  /** Stores {@code seeds} when {@code store} is empty; returns how many were stored. */
  public static int seed(TrustedQueries store, List<TrustedQuery> seeds) {
    if (!store.list().isEmpty()) {
      return 0;
    }
    seeds.forEach(store::save);
    return seeds.size();
  }
}
