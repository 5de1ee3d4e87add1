package io.datagent.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.BenchmarkItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's stored expected answers against a recomputation from the raw sample files ({@link SampleFiles},
 * {@link Expectations}); fails when they drift. Run with {@code -Dbenchmark.write=true} to write the recomputed
 * values into the file (then review the diff).
 */
class BenchmarkExpectationsTest {

  static final Path FILE = Path.of("src/test/resources/benchmark/energia.jsonl");
  static final Path SAMPLES = Path.of(System.getProperty("datagent.shared", "../../shared"), "samples", "energia");

  private static Map<String, SampleTable> tables;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void read() throws Exception {
    tables = SampleFiles.read(SAMPLES);
  }

  @Test
  void should_equal_the_recomputed_values_when_expectations_are_computed_from_the_raw_files() throws Exception {
    checkOrWrite(FILE, new Expectations(tables));
  }

  /**
   * Recomputes every item of {@code file} that has a {@code spec}; fails on drift, or with
   * {@code -Dbenchmark.write=true} writes the recomputed values into the file.
   */
  static void checkOrWrite(Path file, Expectations exp) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    List<String> drift = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("//") || JSON.readTree(line).has("goals")) {
        out.add(line);
        continue;
      }
      ObjectNode node = (ObjectNode) JSON.readTree(line);
      if (node.has("spec")) {
        ObjectNode computed = exp.compute(node.get("spec"));
        if (!same(computed, node.get("expected"))) {
          drift.add(node.get("id").asText() + ": stored " + node.get("expected") + ", recomputed " + computed);
        }
        node = reorder(node, computed);
      }
      out.add(JSON.writeValueAsString(node));
    }
    if (Boolean.getBoolean("benchmark.write")) {
      Files.write(file, out, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(drift.isEmpty(), "expected values drift from the raw files:\n" + String.join("\n", drift));
  }

  @Test
  void should_find_each_column_meaning_keyword_in_the_text_of_its_file() throws Exception {
    int checked = 0;
    for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
      JsonNode e = JSON.readTree(line).path("expected");
      if (e.path("type").asText().equals("text")) {
        SampleTable t = tables.values().stream().filter(x -> x.file().equals(e.get("file").asText())).findFirst().orElseThrow();
        for (JsonNode k : e.get("keywords")) {
          assertTrue(t.text().toLowerCase(Locale.ROOT).contains(k.asText().toLowerCase(Locale.ROOT)),
              k + " is not in the text of " + t.file() + ": " + t.text());
        }
        checked++;
      }
    }
    assertTrue(checked >= 5, "column-meaning items checked: " + checked);
  }

  @Test
  void should_keep_328_months_when_the_accumulated_total_row_of_the_workbook_is_dropped() {
    List<Map<String, Object>> gas = tables.get("gas").rows();
    Set<LocalDate> months = gas.stream().map(r -> (LocalDate) r.get("Mes")).collect(Collectors.toSet());
    assertEquals(328, months.size());
    assertEquals(LocalDate.of(1993, 1, 1), months.stream().min(LocalDate::compareTo).orElseThrow());
    assertEquals(LocalDate.of(2020, 4, 1), months.stream().max(LocalDate::compareTo).orElseThrow());
    for (LocalDate m : months) { // the Total column is the sum of the provinces: nothing is lost in the long form
      double sum = gas.stream().filter(r -> r.get("Mes").equals(m)).mapToDouble(r -> (Double) r.get("Gas")).sum();
      double total = gas.stream().filter(r -> r.get("Mes").equals(m)).mapToDouble(r -> (Double) r.get("Total")).findFirst().orElseThrow();
      assertEquals(total, sum, 1.0, "month " + m);
    }
    assertEquals(1181, tables.get("cammesa").rows().size());
    assertEquals(282, tables.get("potencia").rows().size());
  }

  @Test
  void should_cover_every_kind_and_variant_when_the_benchmark_is_read() throws Exception {
    List<BenchmarkItem> items = BenchmarkFile.read(FILE);
    assertTrue(items.size() >= 90, "items: " + items.size());
    Map<String, Long> kinds = items.stream().filter(i -> i.variant().equals("original"))
        .collect(Collectors.groupingBy(BenchmarkItem::kind, Collectors.counting()));
    assertEquals(13, kinds.size(), "kinds: " + kinds);
    kinds.forEach((k, n) -> assertTrue(n >= 3, k + " has " + n + " original questions"));
    assertEquals(Set.of("original", "parafrasis", "sin_tildes", "errata"),
        items.stream().map(BenchmarkItem::variant).collect(Collectors.toSet()));
    items.stream().filter(i -> Set.of("number", "ranking", "series", "label").contains(i.expected().type()))
        .forEach(i -> assertTrue(i.sql() != null, i.id() + " has no hand-written SQL"));
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (b == null || a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isNumber()) {
      return Math.abs(a.asDouble() - b.asDouble()) <= 1e-6 * Math.max(1, Math.abs(a.asDouble()));
    }
    if (a.isContainerNode()) {
      if (a.size() != b.size()) {
        return false;
      }
      if (a.isArray()) {
        for (int i = 0; i < a.size(); i++) {
          if (!same(a.get(i), b.get(i))) {
            return false;
          }
        }
        return true;
      }
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!same(a.get(f), b.get(f))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** The item with {@code expected} placed after {@code spec} (and before {@code sql}), for a readable file. */
  private static ObjectNode reorder(ObjectNode node, ObjectNode expected) {
    ObjectNode out = JSON.createObjectNode();
    node.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("expected")) {
        out.set(f.getKey(), f.getValue());
      }
      if (f.getKey().equals("spec")) {
        out.set("expected", expected);
      }
    });
    return out;
  }
}
