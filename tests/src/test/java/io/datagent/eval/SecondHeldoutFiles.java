package io.datagent.eval;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads the second held-out set ({@code src/test/resources/heldout/segunda}, sources in the held-out README) straight
 * from disk with univocity and Apache POI, independently of the product: the DGT vehicle-fleet report (ISO-8859-1,
 * title lines above the header, {@code TOTAL} rows beside their parts) and the INTCF toxicology workbook (one row
 * per traffic-accident victim, dates as Excel serials, {@code +}/{@code -} findings).
 */
final class SecondHeldoutFiles {

  static final String PARQUE = "InformePredefinido_Parque20219.csv";
  static final String ACCIDENTES = "Accidentes de tráfico.xlsx";
  static final Map<String, Integer> DECIMALS = Map.of("parque", 0, "accidentes", 0);

  private SecondHeldoutFiles() {}

  static Map<String, SampleTable> read(Path dir) throws IOException {
    Map<String, SampleTable> t = new LinkedHashMap<>();
    t.put("parque", parque(dir.resolve(PARQUE)));
    SampleTable acc = HeldoutFiles.xlsx("accidentes", dir.resolve(ACCIDENTES));
    for (Map<String, Object> r : acc.rows()) {
      r.computeIfPresent("Fecha", (k, v) -> DateUtil.getLocalDateTime((Double) v).toLocalDate());
    }
    t.put("accidentes", acc);
    return t;
  }

  /** The header is the first record whose last field is {@code Total}; every record after it is a row. */
  private static SampleTable parque(Path file) throws IOException {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(';');
    s.setSkipEmptyLines(true);
    List<String[]> all;
    try (InputStream in = Files.newInputStream(file)) {
      all = new CsvParser(s).parseAll(in, StandardCharsets.ISO_8859_1);
    }
    int h = 0;
    while (!(all.get(h).length == 4 && "Total".equals(all.get(h)[3]))) {
      h++;
    }
    String[] header = all.get(h);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String[] r : all.subList(h + 1, all.size())) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        String v = i < r.length && r[i] != null ? r[i].strip() : "";
        row.put(header[i], v.isEmpty() ? null : i == 3 ? HeldoutFiles.spanish(v) : v);
      }
      rows.add(row);
    }
    return new SampleTable("parque", file.getFileName().toString(), rows, String.join(" | ", header));
  }
}
