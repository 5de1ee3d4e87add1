package io.datagent.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.ingestion.ParsedRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quote opened and never closed swallows the rows after it: the record is quarantined with the lines it covers. */
class CsvUnclosedQuoteTest {

  @TempDir
  Path dir;

  @Test
  void should_quarantine_the_record_naming_its_lines_when_a_quote_is_never_closed() throws IOException {
    List<ParsedRow> rows = read("estaciones.csv", "estacion;provincia;precio\nA;Madrid;1,50\nB;\"Toledo;1,40\n"
        + "C;Cuenca;1,45\nD;Soria;1,47\n");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).problem()).isNull();
    ParsedRow swallowed = rows.get(1);
    assertThat(swallowed.row()).isEqualTo(3);
    assertThat(swallowed.problem()).contains("comillas (\") sin cerrar").contains("línea 3").contains("hasta la línea 5")
        .contains("2 líneas que parecen filas");
    assertThat(swallowed.rawLine()).contains("C;Cuenca;1,45").contains("D;Soria;1,47");
  }

  @Test
  void should_quarantine_the_stretch_and_keep_the_rows_after_it_when_a_later_quote_closes_it() throws IOException {
    // the quote opened in B's note is closed by the opening quote of D's note: C's line is inside the cell
    List<ParsedRow> rows = read("notas.csv", "estacion;nota;precio\nA;normal;1,50\nB;\"abre;1,40\n"
        + "C;sin nota;1,45\nD;\";1,47\nE;fin;1,49\n");

    assertThat(rows).extracting(ParsedRow::row).containsExactly(2L, 3L, 6L);
    assertThat(rows.get(1).problem()).contains("sin cerrar").contains("línea 3").contains("hasta la línea 5");
    assertThat(rows.get(2).problem()).isNull();
    assertThat(rows.get(2).cells()).containsExactly("E", "fin", "1,49");
  }

  @Test
  void should_load_a_quoted_note_that_spans_lines_when_its_lines_are_text() throws IOException {
    List<ParsedRow> rows = read("notas.csv", "estacion;nota;precio\nA;\"revisada en marzo;\nsin cambios\";1,50\n"
        + "B;ok;1,40\n");

    assertThat(rows).extracting(ParsedRow::problem).containsOnlyNulls();
    assertThat(rows.get(0).cells()).containsExactly("A", "revisada en marzo;\nsin cambios", "1,50");
  }

  private List<ParsedRow> read(String name, String text) throws IOException {
    Path file = Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    CsvLayout layout = CsvSniffer.sniff(file, name);
    int width = layout.headers().size();
    int[] map = new int[width];
    for (int i = 0; i < width; i++) {
      map[i] = i;
    }
    List<ParsedRow> rows = new ArrayList<>();
    CsvShardReader.read(new CsvUnit(0, file.toString(), layout, map, width), 0, 1, rows::add);
    return rows;
  }
}
