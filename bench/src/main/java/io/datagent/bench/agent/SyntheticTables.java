package io.datagent.bench.agent;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Documented tables shaped like the ingested ones (Spanish table and column comments, typed columns, lineage
 * columns, two rows each) for the prompt benchmark: ten themes in five variants, 8 to 30 columns each.
 */
final class SyntheticTables {

  private record Theme(String stem, String comment, String[] words) {}

  private static final Theme[] THEMES = {
      new Theme("potencia_instalada", "Potencia instalada por central eléctrica del MEM, en MW. Fuente: CAMMESA",
          new String[] {"central", "agente", "region", "tecnologia", "fuente_generacion", "potencia_mw", "tipo_maquina"}),
      new Theme("gas_entregado", "Gas natural entregado por las licenciatarias de distribución, en miles de m³ de 9300 kcal. Fuente: ENARGAS",
          new String[] {"buenos_aires", "cordoba", "neuquen", "mendoza", "santa_fe", "salta", "tucuman", "chubut"}),
      new Theme("demanda_electrica", "Demanda diaria de energía eléctrica por tipo de usuario, en MWh. Fuente: CAMMESA",
          new String[] {"residencial", "comercial", "industrial", "temperatura_media", "habil", "gba", "litoral"}),
      new Theme("exportaciones_cereales", "Exportaciones de cereales y oleaginosas por puerto y destino, en toneladas. Fuente: INDEC",
          new String[] {"puerto", "destino", "trigo", "maiz", "soja", "girasol", "cebada", "toneladas"}),
      new Theme("precios_combustibles", "Precios de combustibles en surtidor por provincia y bandera, en pesos por litro. Fuente: Secretaría de Energía",
          new String[] {"provincia", "bandera", "nafta_super", "nafta_premium", "gasoil", "gnc", "localidad"}),
      new Theme("usuarios_gas", "Cantidad de usuarios de gas natural por tipo de servicio y provincia. Fuente: ENARGAS",
          new String[] {"residencial", "comercial", "industria", "gnc", "entes_oficiales", "subdistribuidor", "provincia"}),
      new Theme("produccion_petroleo", "Producción de petróleo por yacimiento y operadora, en m³. Fuente: Secretaría de Energía",
          new String[] {"yacimiento", "operadora", "cuenca", "produccion_m3", "pozos_activos", "provincia", "concesion"}),
      new Theme("generacion_renovable", "Generación renovable por parque eólico y solar, en MWh. Fuente: CAMMESA",
          new String[] {"parque", "tecnologia", "provincia", "generacion_mwh", "factor_capacidad", "potencia_mw"}),
      new Theme("ventas_energia", "Ventas de energía de las distribuidoras por categoría tarifaria, en MWh y pesos. Fuente: ENRE",
          new String[] {"distribuidora", "categoria", "tarifa", "energia_mwh", "facturacion", "usuarios", "subsidio"}),
      new Theme("importaciones_gnl", "Importaciones de gas natural licuado por buque y terminal, en millones de m³. Fuente: ENARSA",
          new String[] {"buque", "terminal", "origen", "volumen_mm3", "precio_usd_mmbtu", "proveedor"})};
  private static final String[] VARIANTS = {"mensual", "anual", "por_region", "historico", "detalle"};
  private static final String[] SUFFIX = {"", "_total", "_promedio", "_var_pct", "_acumulado"};

  private SyntheticTables() {}

  static void create(SparkSession spark, int n) {
    for (int i = 0; i < n; i++) {
      Theme t = THEMES[i % THEMES.length];
      String name = t.stem() + "_" + VARIANTS[(i / THEMES.length) % VARIANTS.length] + (i >= 50 ? "_" + i : "");
      int columns = 8 + (i * 7) % 23;
      List<String> defs = new ArrayList<>(List.of("periodo DATE COMMENT 'Mes o día del dato (primer día del período)'"));
      List<String> values = new ArrayList<>(List.of("DATE'2024-01-01'"));
      for (int c = 0; c < columns - 1; c++) {
        String word = t.words()[c % t.words().length];
        String col = word + SUFFIX[(c / t.words().length) % SUFFIX.length] + (c >= t.words().length * SUFFIX.length ? "_" + c : "");
        boolean text = c % t.words().length < 2;
        defs.add(col + (text ? " STRING" : " DECIMAL(18,3)") + " COMMENT '" + comment(word, col, t) + "'");
        values.add(text ? "'" + word.toUpperCase() + " " + (c + 1) + "'" : String.valueOf(100 + i * 3 + c) + ".5");
      }
      defs.addAll(List.of("_source_file STRING", "_source_row BIGINT", "_batch_id STRING", "_ingested_at TIMESTAMP"));
      values.addAll(List.of("'" + name + ".csv'", "2", "'bench'", "current_timestamp()"));
      spark.sql("CREATE TABLE serving." + name + " (" + String.join(", ", defs) + ") USING delta COMMENT '" + t.comment()
          + " — " + VARIANTS[(i / THEMES.length) % VARIANTS.length].replace('_', ' ') + "'");
      String row = "(" + String.join(", ", values) + ")";
      spark.sql("INSERT INTO serving." + name + " VALUES " + row + ", " + row.replace("2024-01-01", "2024-02-01").replace(", 2, ", ", 3, "));
    }
  }

  private static String comment(String word, String col, Theme t) {
    String unit = t.comment().contains(", en ") ? t.comment().substring(t.comment().indexOf(", en ") + 5, t.comment().indexOf('.')) : "";
    String what = word.replace('_', ' ');
    String kind = col.endsWith("_total") ? "total" : col.endsWith("_promedio") ? "promedio" : col.endsWith("_var_pct")
        ? "variación porcentual interanual" : col.endsWith("_acumulado") ? "acumulado en el año" : "valor";
    return (what.substring(0, 1).toUpperCase() + what.substring(1)) + ": " + kind + (unit.isEmpty() ? "" : " (" + unit + ")");
  }
}
