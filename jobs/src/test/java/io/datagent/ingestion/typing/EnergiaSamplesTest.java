package io.datagent.ingestion.typing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles and converts every column of the real sample files (read-only, no quoted fields in them). */
class EnergiaSamplesTest {

  private static final Path DIR = Path.of("/work/shared/samples/energia");

  @Test
  void should_type_cammesa_columns_when_file_is_latin1_semicolon() throws Exception {
    // given
    Map<String, List<String>> columns = read("Cammesa_res.csv", StandardCharsets.ISO_8859_1, ";");

    // when
    Map<String, ColumnType> types = decideAll(columns);

    // then
    assertThat(types.get("Mes/Año")).isEqualTo(ColumnType.date(new DateStyle(List.of(DateForm.MONTH_LABEL))));
    assertThat(types.get("N° Día")).isEqualTo(ColumnType.integer(NumberStyle.DOT));
    assertThat(types.get("Fecha")).isEqualTo(
        ColumnType.date(new DateStyle(List.of(DateForm.DAY_MONTH_YEAR_SLASH))));
    assertThat(types.get("Hábil/No Hábil")).isEqualTo(ColumnType.TEXT);
    assertThat(types.get("TIPO DIA")).isEqualTo(ColumnType.TEXT);
    for (String decimal : List.of("AUTO+GUMAs", "DEMANDA DISTRIBUIDOR", "TEMPERATURA MEDIA GBA °C",
        "ALIMENTACIÓN. COMERCIOS Y SERVICIOS", "INDUSTRIAS")) {
      assertThat(types.get(decimal)).as(decimal).isEqualTo(ColumnType.decimal(1, NumberStyle.DOT));
    }
    Map<String, List<Object>> values = convertAll(columns, types);
    assertThat(values.get("Mes/Año").get(0)).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(values.get("Fecha").get(0)).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(values.get("Fecha").get(values.get("Fecha").size() - 1)).isEqualTo(LocalDate.of(2025, 3, 26));
    assertThat(values.get("AUTO+GUMAs").get(0)).isEqualTo(new BigDecimal("1284.3"));
    assertThat(values.get("Hábil/No Hábil").get(0)).isEqualTo("No Hábil");
  }

  @Test
  void should_type_potencia_columns_when_file_is_utf8_comma() throws Exception {
    // given
    Map<String, List<String>> columns = read("PotenciaInstalada.csv", StandardCharsets.UTF_8, ",");

    // when
    Map<String, ColumnType> types = decideAll(columns);

    // then: 20.001 is read as a decimal because other values (525.96) show the dot is decimal
    assertThat(types.get("PERIODO")).isEqualTo(ColumnType.date(new DateStyle(List.of(DateForm.ISO))));
    assertThat(types.get("POTENCIA INSTALADA [MW]")).isEqualTo(ColumnType.decimal(3, NumberStyle.DOT));
    assertThat(types.get("AGENTE DESCRIPCION")).isEqualTo(ColumnType.TEXT);
    Map<String, List<Object>> values = convertAll(columns, types);
    assertThat(values.get("PERIODO").get(0)).isEqualTo(LocalDate.of(2016, 5, 1));
    assertThat(values.get("POTENCIA INSTALADA [MW]")).contains(new BigDecimal("25.000"), new BigDecimal("525.960"),
        new BigDecimal("20.001"));
    assertThat(values.get("AGENTE DESCRIPCION")).contains("C.T. AGUA DEL CAJON");
  }

  private static Map<String, List<String>> read(String file, Charset charset, String delimiter) throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve(file), charset);
    String[] headers = lines.get(0).split(delimiter, -1);
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (String h : headers) {
      columns.put(h, new ArrayList<>());
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(delimiter, -1);
      for (int i = 0; i < headers.length; i++) {
        columns.get(headers[i]).add(cells[i]);
      }
    }
    return columns;
  }

  private static Map<String, ColumnType> decideAll(Map<String, List<String>> columns) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    columns.forEach((h, vals) -> types.put(h, ColumnProfileTest.profile(h, false, vals).decide()));
    return types;
  }

  /** Converts every cell; any failure fails the test. */
  private static Map<String, List<Object>> convertAll(Map<String, List<String>> columns, Map<String, ColumnType> types)
      throws ConversionException {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : columns.entrySet()) {
      ValueConverter converter = new ValueConverter(types.get(e.getKey()));
      List<Object> converted = new ArrayList<>();
      for (String raw : e.getValue()) {
        converted.add(converter.convert(raw));
      }
      out.put(e.getKey(), converted);
    }
    return out;
  }
}
