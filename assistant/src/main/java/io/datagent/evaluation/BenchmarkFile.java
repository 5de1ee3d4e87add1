package io.datagent.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a benchmark: JSON Lines (one item per line) or YAML (a list of items, or {@code items:} with one).
 *
 * <p>An item has {@code id}, {@code kind} and {@code question}, and either an {@code expected} answer (the issue 12
 * format, see {@code tests/src/test/resources/benchmark/README.md}), or an expected {@code sql} (optional
 * {@code ranked}, {@code decimals}: a {@code sql} item, scored against what the SQL returns), or an expected
 * {@code value} (optional {@code decimals}). A variant line names its {@code base} and takes the base's expected
 * answer and SQL. Blank lines and lines starting with {@code //} are skipped; a line with {@code goals} holds the
 * benchmark's targets ({@link #goals}). Errors name the file, the line (JSONL) or item, and what is wrong.
 */
public final class BenchmarkFile {

  /** Where the repository keeps the benchmark over the energy samples, relative to the project root. */
  public static final String DEFAULT = "tests/src/test/resources/benchmark/energia.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchmarkFile() {}

  /** The targets a benchmark declares: the least share of exact answers, the most wrong ones. */
  public record Goals(double exactRate, int wrong) {}

  public static Goals goals(Path file) throws IOException {
    for (JsonNode node : nodes(file).values()) {
      JsonNode g = node.get("goals");
      if (g != null) {
        return new Goals(g.path("exactRate").asDouble(), g.path("wrong").asInt());
      }
    }
    return new Goals(0, 0);
  }

  public static List<BenchmarkItem> read(Path file) throws IOException {
    return items(nodes(file), file.getFileName().toString());
  }

  /** Every {@code .jsonl}, {@code .yaml} and {@code .yml} file of {@code dir} (a Volume's {@code _benchmarks/}), by name. */
  public static List<BenchmarkItem> readDirectory(Path dir) throws IOException {
    List<BenchmarkItem> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(BenchmarkFile::isBenchmark).sorted().toList()) {
        out.addAll(read(f));
      }
    }
    return out;
  }

  public static boolean isBenchmark(Path f) {
    String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return Files.isRegularFile(f) && (n.endsWith(".jsonl") || n.endsWith(".yaml") || n.endsWith(".yml"));
  }

  /** Items from nodes keyed by where each was read ({@code file:line} or {@code file[item]}). */
  static List<BenchmarkItem> items(Map<String, JsonNode> nodes, String file) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    List<BenchmarkItem> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : nodes.entrySet()) {
      JsonNode node = e.getValue();
      if (node.has("goals")) {
        continue;
      }
      String at = e.getKey();
      String id = node.path("id").asText();
      if (id.isEmpty() || byId.containsKey(id)) {
        throw new IllegalArgumentException(at + ": id vacío o repetido '" + id + "'");
      }
      if (node.path("question").asText().isBlank()) {
        throw new IllegalArgumentException(at + " (" + id + "): falta 'question'");
      }
      byId.put(id, node);
      JsonNode base = node.has("base") ? byId.get(node.get("base").asText()) : node;
      if (base == null) {
        throw new IllegalArgumentException(at + " (" + id + "): base desconocida " + node.get("base"));
      }
      JsonNode expected = expected(base);
      if (expected == null) {
        throw new IllegalArgumentException(at + " (" + id + "): sin 'expected', 'sql' ni 'value'");
      }
      items.add(new BenchmarkItem(id, node.path("kind").asText("general"), node.path("variant").asText("original"),
          node.path("question").asText(), new BenchmarkItem.Expected(expected.get("type").asText(), expected),
          base.hasNonNull("sql") ? base.get("sql").asText() : null));
    }
    return items;
  }

  private static JsonNode expected(JsonNode item) {
    JsonNode e = item.get("expected");
    if (e != null && e.has("type")) {
      return e;
    }
    ObjectNode made = JSON.createObjectNode();
    if (item.hasNonNull("sql") && e == null) {
      made.put("type", BenchmarkItem.Expected.SQL).put("ranked", item.path("ranked").asBoolean(false));
    } else if (item.path("value").isNumber()) {
      made.put("type", "number").put("value", item.get("value").asDouble());
    } else {
      return null;
    }
    if (item.has("decimals")) {
      made.put("decimals", item.get("decimals").asInt());
    }
    return made;
  }

  private static Map<String, JsonNode> nodes(Path file) throws IOException {
    String name = file.getFileName().toString();
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      JsonNode root;
      try {
        root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(name + ": YAML no válido: " + e.getOriginalMessage(), e);
      }
      JsonNode list = root == null ? null : root.isArray() ? root : root.get("items");
      if (list == null || !list.isArray()) {
        throw new IllegalArgumentException(name + ": se esperaba una lista de preguntas (o 'items:')");
      }
      if (root.has("goals")) {
        out.put(name + "[goals]", JSON.createObjectNode().set("goals", root.get("goals")));
      }
      for (int i = 0; i < list.size(); i++) {
        out.put(name + "[" + (i + 1) + "]", list.get(i));
      }
      return out;
    }
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("//")) {
        continue;
      }
      try {
        out.put(name + ":" + n, JSON.readTree(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(name + ":" + n + ": JSON no válido: " + e.getOriginalMessage(), e);
      }
    }
    return out;
  }
}
