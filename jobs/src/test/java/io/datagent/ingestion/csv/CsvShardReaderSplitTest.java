package io.datagent.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.ingestion.ParsedRow;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting a file by bytes must emit exactly the rows, line numbers and problems of reading it whole. */
class CsvShardReaderSplitTest {

  @TempDir
  Path dir;

  @Test
  void should_emit_the_same_rows_when_split_by_bytes_as_when_read_whole() throws IOException {
    // given: a title line, CRLF, blank lines, ragged rows, total/note rows in the middle and at the end
    for (String eol : List.of("\n", "\r\n")) {
      for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"))) {
        StringBuilder text = new StringBuilder("Informe semanal de demanda" + eol + eol + "Fecha;Región;Potencia [MW]" + eol);
        Random rnd = new Random(3);
        for (int i = 0; i < 5_000; i++) {
          int k = rnd.nextInt(100);
          if (k == 0) {
            text.append(eol);
          } else if (k == 1) {
            text.append("Total;;").append(i).append(eol);
          } else if (k == 2) {
            text.append("1/1/2022;Cuyo").append(eol);
          } else {
            text.append(1 + i % 28).append("/1/2022;Añelo ").append(i).append(';').append(i).append(',').append(i % 10)
                .append(eol);
          }
        }
        text.append("Total;;999").append(eol).append("Fuente: CAMMESA").append(eol);
        Path file = Files.write(dir.resolve("f.csv"), text.toString().getBytes(cs));
        CsvLayout layout = CsvSniffer.sniff(file, "f.csv");

        for (int shards : new int[] {2, 3, 7}) {
          // when
          CsvShardReader.Splits splits = CsvShardReader.split(file, layout, shards);
          List<String> whole = read(new CsvUnit(0, file.toString(), layout, new int[] {0, 1, 2}, 3), shards);
          List<String> split = read(new CsvUnit(0, file.toString(), layout, new int[] {0, 1, 2}, 3, splits), shards);

          // then
          assertThat(splits).as("splittable").isNotNull();
          assertThat(split).as(shards + " shards, " + cs + ", eol " + eol.length()).isEqualTo(whole);
          assertThat(whole).hasSizeGreaterThan(4_900);
        }
      }
    }
  }

  @Test
  void should_not_split_a_file_with_quotes_or_a_non_ascii_compatible_charset() throws IOException {
    // given
    Path quoted = Files.write(dir.resolve("q.csv"), ("a;b\n" + "1;2\n".repeat(1000) + "3;\"x\ny\"\n").getBytes(StandardCharsets.UTF_8));
    Path utf16 = Files.write(dir.resolve("u.csv"), ("\uFEFFa;b\n" + "1;2\n".repeat(1000)).getBytes(StandardCharsets.UTF_16LE));

    // when / then
    assertThat(CsvShardReader.split(quoted, CsvSniffer.sniff(quoted, "q.csv"), 2)).isNull();
    assertThat(CsvShardReader.split(utf16, CsvSniffer.sniff(utf16, "u.csv"), 2)).isNull();
  }

  private static List<String> read(CsvUnit unit, int shards) {
    List<ParsedRow> rows = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      CsvShardReader.read(unit, s, shards, rows::add);
    }
    rows.sort(Comparator.comparingLong(ParsedRow::row));
    return rows.stream().map(r -> r.row() + "|" + Arrays.toString(r.cells()) + "|" + r.problem() + "|" + r.rawLine() + "|"
        + r.fatal()).toList();
  }
}
