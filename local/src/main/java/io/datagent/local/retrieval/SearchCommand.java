package io.datagent.local.retrieval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import io.datagent.retrieval.Hit;
import io.datagent.retrieval.RefreshingRetriever;
import io.datagent.retrieval.RetrieverConfig;
import io.datagent.retrieval.SearchMode;
import io.datagent.retrieval.SearchRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./agent search "texto" [--k 5] [--table t] [--kind row] [--mode hybrid|bm25|vector]}: what the agent can
 * find, as JSON lines on standard output (one hit per line: rank, score, kind, table, source file and row, id, text);
 * the one-line summary goes to standard error so the output stays machine-readable. No Spark: the index is loaded
 * from the Delta table with Delta Kernel.
 */
public final class SearchCommand implements Command {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "search";
  }

  @Override
  public String summary() {
    return "search \"texto\" [--k 5] [--table t]   busca como el agente (BM25 + vectores) y muestra los resultados en JSON";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    String text = null;
    int k = 5;
    Set<String> tables = new LinkedHashSet<>();
    Set<String> kinds = new LinkedHashSet<>();
    SearchMode mode = SearchMode.HYBRID;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(a + " necesita un valor");
        }
        String v = args.get(++i);
        switch (a) {
          case "--k" -> k = parseK(v);
          case "--table" -> tables.addAll(csv(v));
          case "--kind" -> kinds.addAll(csv(v));
          case "--mode" -> mode = SearchMode.parse(v);
          default -> throw new IllegalArgumentException("opción desconocida " + a + "; use --k, --table, --kind o --mode");
        }
      } else if (text == null) {
        text = a;
      } else {
        throw new IllegalArgumentException("ponga el texto a buscar entre comillas: sobra '" + a + "'");
      }
    }
    if (text == null || text.isBlank()) {
      System.err.println("Uso: ./agent search \"texto\" [--k 5] [--table tabla] [--kind table_card|row|passage] [--mode hybrid|bm25|vector]");
      return 2;
    }
    long t0 = System.nanoTime();
    RetrieverConfig cfg = RetrieverConfig.defaults().withMode(mode).withRefreshInterval(Duration.ZERO);
    try (RefreshingRetriever retriever = LocalRetrievers.open(rt.workspace().tables(),
        mode == SearchMode.LEXICAL ? new io.datagent.retrieval.DisabledEmbeddingModel("búsqueda solo léxica")
            : LocalRetrievers.defaultModel(), cfg)) {
      long t1 = System.nanoTime();
      List<Hit> hits = retriever.search(new SearchRequest(text, k, tables, kinds));
      long t2 = System.nanoTime();
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      for (int i = 0; i < hits.size(); i++) {
        out.println(JSON.writeValueAsString(json(i + 1, hits.get(i))));
      }
      System.err.printf("%d resultado(s) para \"%s\" (%s; índice versión %d con %d documentos cargado en %.1f s; búsqueda %.0f ms)%n",
          hits.size(), text, mode.name().toLowerCase(), retriever.version(), retriever.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e6);
    }
    return 0;
  }

  static ObjectNode json(int rank, Hit h) {
    ObjectNode n = JSON.createObjectNode();
    n.put("rank", rank);
    n.put("score", Math.round(h.score() * 1e6) / 1e6);
    n.put("kind", h.kind());
    n.put("table", h.table());
    n.put("source_file", h.sourceFile());
    if (h.sourceRow() == null) {
      n.putNull("source_row");
    } else {
      n.put("source_row", h.sourceRow());
    }
    n.put("id", h.id());
    n.put("text", h.text());
    return n;
  }

  private static int parseK(String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--k debe ser un número, no '" + v + "'");
    }
  }

  private static List<String> csv(String v) {
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
