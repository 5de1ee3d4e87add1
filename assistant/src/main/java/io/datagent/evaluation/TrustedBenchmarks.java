package io.datagent.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.trusted.TrustedQuery;
import java.util.List;

/**
 * Benchmark items from the engineers' trusted queries: each query without parameters becomes a {@code sql} item
 * (question: its first pattern; kind {@code consulta_verificada}; the rows compared in order when its SQL orders
 * them). A query with parameters names a family of questions, not one, and is left out.
 */
public final class TrustedBenchmarks {

  public static final String KIND = "consulta_verificada";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrustedBenchmarks() {}

  public static List<BenchmarkItem> items(List<TrustedQuery> trusted) {
    return trusted.stream().filter(q -> q.params().isEmpty()).map(TrustedBenchmarks::item).toList();
  }

  static BenchmarkItem item(TrustedQuery q) {
    boolean ranked = q.sql().toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\border\\s+by\\b.*");
    var expected = JSON.createObjectNode().put("type", BenchmarkItem.Expected.SQL).put("ranked", ranked);
    return new BenchmarkItem("verificada-" + q.id(), KIND, "original", q.patterns().get(0),
        new BenchmarkItem.Expected(BenchmarkItem.Expected.SQL, expected), q.sql());
  }
}
