package io.datagent.agent.semantic;

import io.datagent.semantic.SemanticModel;
import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.SqlName;
import io.datagent.semantic.TableProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic models of the three energy samples as the App would derive them, built here without Spark: column names
 * and types as ingestion gives them (see EnergiaSamplesIngestTest), distinct values counted from the files.
 */
final class SampleModels {

  static final Path DIR = Path.of(System.getProperty("datagent.shared", "../../shared"), "samples", "energia");
  static final List<String> GAS_COLUMNS = List.of("Capital Federal", "Catamarca", "Córdoba", "Chubut", "Entre Ríos",
      "Jujuy", "La Pampa", "La Rioja", "Mendoza", "Neuquén", "Río Negro", "Salta", "San Juan", "San Luis", "Santa Cruz",
      "Santa Fe", "Sgo.del Estero", "T.del Fuego", "Tucumán", "Total", "Buenos Aires/1");

  private SampleModels() {}

  static List<String[]> rows(String file, Charset cs, String sep) {
    try {
      return Files.readAllLines(DIR.resolve(file), cs).stream().filter(l -> !l.isBlank()).map(l -> l.split(sep, -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SemanticModel potencia() {
    List<String[]> r = rows("PotenciaInstalada.csv", StandardCharsets.UTF_8, ",");
    String[] types = {"date", "string", "string", "string", "string", "string", "string", "string", "string", "decimal(38,3)"};
    return SemanticModels.derive(profile("serving.potenciainstalada", "Datos cargados desde PotenciaInstalada.csv", r, types));
  }

  static SemanticModel cammesa() {
    List<String[]> r = rows("Cammesa_res.csv", StandardCharsets.ISO_8859_1, ";");
    String[] types = {"date", "bigint", "date", "string", "string", "decimal(38,1)", "decimal(38,1)", "decimal(38,1)",
        "decimal(38,1)", "decimal(38,1)"};
    return SemanticModels.derive(profile("serving.cammesa_res", "Datos cargados desde Cammesa_res.csv", r, types));
  }

  static SemanticModel gas() {
    List<TableProfile.Column> cols = new ArrayList<>();
    cols.add(new TableProfile.Column("mes", "date", "Mes", "Mes", 328, null, null));
    for (String h : GAS_COLUMNS) {
      String comment = h.equals("Buenos Aires/1") ? "Buenos Aires/1 — /1Para una apertura por Distribuidora ver Anexo" : h;
      cols.add(new TableProfile.Column(SqlName.of(h.replace("/1", "").replace(".", " ")), "bigint", comment, h, 300, null, null));
    }
    return SemanticModels.derive(new TableProfile("serving.todos_010601a_cuadro_i_5_1a",
        "Datos Operativos de Gas Natural. I.06.02.a - Gas Entregado: Servicio Residencial - En miles de m3 de 9300 kcal. "
            + "FUENTE: ENARGAS", "Todos_010601a-Cuadro_I_5_1a.xlsx", 328, cols));
  }

  private static TableProfile profile(String table, String comment, List<String[]> r, String[] types) {
    String[] header = r.get(0);
    List<TableProfile.Column> cols = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      Map<String, Long> values = new LinkedHashMap<>();
      Set<String> distinct = new HashSet<>();
      for (String[] row : r.subList(1, r.size())) {
        distinct.add(row[i].strip());
        values.merge(row[i].strip(), 1L, Long::sum);
      }
      String name = SqlName.of(header[i]);
      boolean text = types[i].equals("string");
      cols.add(new TableProfile.Column(name, types[i], header[i], header[i], distinct.size(),
          text && values.size() <= SemanticModels.MAX_VALUES ? values : Map.of(), Map.of()));
    }
    cols.add(TableProfile.Column.of("_source_row", "bigint", null));
    return new TableProfile(table, comment, null, r.size() - 1, cols);
  }
}
