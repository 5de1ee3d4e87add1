package io.datagent.local.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a benchmark in JSON Lines: one item per line; a variant line names its {@code base} and takes the base's
 * expected answer and SQL. Blank lines and lines starting with {@code //} are skipped; a line with {@code goals} holds
 * the benchmark's targets ({@link #goals}).
 */
public final class BenchmarkFile {

  /** Where the repository keeps the benchmark over the energy samples, relative to the project root. */
  public static final String DEFAULT = "tests/src/test/resources/benchmark/energia.jsonl";

  private BenchmarkFile() {}

  /** The targets a benchmark declares: the least share of exact answers, the most wrong ones. */
  public record Goals(double exactRate, int wrong) {}

  public static Goals goals(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("//")) {
        JsonNode g = json.readTree(line).get("goals");
        if (g != null) {
          return new Goals(g.path("exactRate").asDouble(), g.path("wrong").asInt());
        }
      }
    }
    return new Goals(0, 0);
  }

  public static List<BenchmarkItem> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    List<BenchmarkItem> items = new ArrayList<>();
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
      if (id.isEmpty() || byId.containsKey(id)) {
        throw new IllegalArgumentException(file + ":" + n + ": id vacío o repetido '" + id + "'");
      }
      byId.put(id, node);
      JsonNode base = node.has("base") ? byId.get(node.get("base").asText()) : node;
      if (base == null) {
        throw new IllegalArgumentException(file + ":" + n + ": base desconocida " + node.get("base"));
      }
      JsonNode expected = base.get("expected");
      if (expected == null || !expected.has("type")) {
        throw new IllegalArgumentException(file + ":" + n + ": sin 'expected' (genérelo con BenchmarkExpectationsTest)");
      }
      items.add(new BenchmarkItem(id, node.path("kind").asText(), node.path("variant").asText("original"),
          node.path("question").asText(), new BenchmarkItem.Expected(expected.get("type").asText(), expected),
          base.hasNonNull("sql") ? base.get("sql").asText() : null));
    }
    return items;
  }
}
