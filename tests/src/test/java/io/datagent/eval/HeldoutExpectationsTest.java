package io.datagent.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.BenchmarkItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The held-out benchmark's stored expected answers against a recomputation from the raw held-out files
 * ({@link HeldoutFiles}, {@link Expectations}); {@code -Dbenchmark.write=true} writes them.
 */
class HeldoutExpectationsTest {

  static final Path FILE = Path.of("src/test/resources/benchmark/heldout.jsonl");
  static final Path DIR = Path.of("src/test/resources/heldout");

  private static Map<String, SampleTable> tables;

  @BeforeAll
  static void read() throws Exception {
    tables = HeldoutFiles.read(DIR);
  }

  @Test
  void should_equal_the_recomputed_values_when_expectations_are_computed_from_the_held_out_files() throws Exception {
    BenchmarkExpectationsTest.checkOrWrite(FILE, new Expectations(tables, HeldoutFiles.DECIMALS));
  }

  @Test
  void should_equal_the_recomputed_values_when_expectations_are_computed_from_the_second_held_out_files()
      throws Exception {
    Map<String, SampleTable> second = SecondHeldoutFiles.read(DIR.resolve("segunda"));
    assertEquals(2195, second.get("parque").rows().size());
    assertEquals(1892, second.get("accidentes").rows().size());
    BenchmarkExpectationsTest.checkOrWrite(Path.of("src/test/resources/benchmark/heldout2.jsonl"),
        new Expectations(second, SecondHeldoutFiles.DECIMALS));
  }

  @Test
  void should_read_every_row_with_spanish_numbers_when_the_held_out_files_are_parsed() {
    assertEquals(299, tables.get("terrazas").rows().size());
    assertEquals(367, tables.get("embalses").rows().size());
    List<Map<String, Object>> disueltas = tables.get("disueltas").rows();
    assertEquals(29_200, disueltas.size());
    Map<String, Object> first = disueltas.get(0); // Total;Total Nacional;2025M05;1.706
    assertEquals(1706.0, first.get("Total"));
    assertEquals(28.75, tables.get("terrazas").rows().get(0).get("Superficie_ES"));
    assertNull(disueltas.stream().filter(r -> r.get("Comunidades y Ciudades Autónomas").equals("01 Andalucía")
        && r.get("Periodo").toString().equals("2007-12-01") && r.get("Clase de disolución").equals("Total"))
        .findFirst().orElseThrow().get("Total"), "an empty INE cell is no value, not zero");
  }

  @Test
  void should_cover_most_kinds_and_every_variant_when_the_held_out_benchmark_is_read() throws Exception {
    List<BenchmarkItem> items = BenchmarkFile.read(FILE);
    assertTrue(items.size() >= 40, "items: " + items.size());
    Map<String, Long> kinds = items.stream().collect(Collectors.groupingBy(BenchmarkItem::kind, Collectors.counting()));
    assertTrue(kinds.size() >= 11, "kinds: " + kinds);
    assertEquals(4, items.stream().map(BenchmarkItem::variant).distinct().count());
  }
}
