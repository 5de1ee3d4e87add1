package io.datagent.optimization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the items of a benchmark in the JSON Lines format of {@code ./agent eval}
 * ({@code tests/src/test/resources/benchmark/README.md}): id, kind, question and SQL, a variant taking its base's SQL.
 * Only what the loop needs; scoring stays with the evaluator, which reads expected answers itself.
 */
public final class OptimizationBenchmark {

  private OptimizationBenchmark() {}

  public static List<OptimizationItem> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> byId = new HashMap<>();
    List<OptimizationItem> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("//")) {
        continue;
      }
      JsonNode node = json.readTree(line);
      if (node.has("goals")) {
        continue;
      }
      String id = node.path("id").asText();
      if (id.isEmpty() || byId.putIfAbsent(id, node) != null) {
        throw new IllegalArgumentException(file + ":" + n + ": id vacío o repetido '" + id + "'");
      }
      JsonNode base = node.has("base") ? byId.get(node.get("base").asText()) : node;
      if (base == null) {
        throw new IllegalArgumentException(file + ":" + n + ": base desconocida " + node.get("base"));
      }
      out.add(new OptimizationItem(id, node.path("kind").asText(), node.path("question").asText(),
          base.hasNonNull("sql") ? base.get("sql").asText() : null));
    }
    return out;
  }
}
