package io.datagent.agent.semantic;

import io.datagent.semantic.Aggregation;
import java.util.Map;
import java.util.Set;

/** The Spanish words the question grammar knows, folded (lower case, no accents). */
final class Lexicon {

  static final String[] MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
      "septiembre", "octubre", "noviembre", "diciembre"};
  private static final Map<String, Integer> MONTH = Map.ofEntries(
      Map.entry("enero", 1), Map.entry("febrero", 2), Map.entry("marzo", 3), Map.entry("abril", 4), Map.entry("mayo", 5),
      Map.entry("junio", 6), Map.entry("julio", 7), Map.entry("agosto", 8), Map.entry("septiembre", 9),
      Map.entry("setiembre", 9), Map.entry("octubre", 10), Map.entry("noviembre", 11), Map.entry("diciembre", 12));
  private static final Map<String, Integer> MONTH_ABBREV = Map.ofEntries(
      Map.entry("ene", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("abr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("ago", 8), Map.entry("sep", 9), Map.entry("set", 9),
      Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dic", 12));
  private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("un", 1), Map.entry("uno", 1),
      Map.entry("una", 1), Map.entry("dos", 2), Map.entry("tres", 3), Map.entry("cuatro", 4), Map.entry("cinco", 5),
      Map.entry("seis", 6), Map.entry("siete", 7), Map.entry("ocho", 8), Map.entry("nueve", 9), Map.entry("diez", 10),
      Map.entry("veinte", 20));

  static final Map<String, Aggregation> AGGREGATIONS = Map.ofEntries(
      Map.entry("total", Aggregation.SUM), Map.entry("suma", Aggregation.SUM), Map.entry("sumatoria", Aggregation.SUM),
      Map.entry("acumulado", Aggregation.SUM),
      Map.entry("sumaron", Aggregation.SUM), Map.entry("sumo", Aggregation.SUM), Map.entry("suman", Aggregation.SUM),
      Map.entry("sumando", Aggregation.SUM), Map.entry("totalizo", Aggregation.SUM), Map.entry("totalizaron", Aggregation.SUM),
      Map.entry("totalizan", Aggregation.SUM), Map.entry("acumularon", Aggregation.SUM), Map.entry("acumulo", Aggregation.SUM),
      Map.entry("promediaron", Aggregation.AVG), Map.entry("acumulada", Aggregation.SUM), Map.entry("sumar", Aggregation.SUM),
      Map.entry("promedio", Aggregation.AVG), Map.entry("media", Aggregation.AVG), Map.entry("promedia", Aggregation.AVG),
      Map.entry("promediar", Aggregation.AVG), Map.entry("medio", Aggregation.AVG),
      Map.entry("maximo", Aggregation.MAX), Map.entry("maxima", Aggregation.MAX), Map.entry("mayor", Aggregation.MAX),
      Map.entry("pico", Aggregation.MAX), Map.entry("record", Aggregation.MAX),
      Map.entry("minimo", Aggregation.MIN), Map.entry("minima", Aggregation.MIN), Map.entry("menor", Aggregation.MIN));
  /** Words that make "más"/"menos" superlatives: "la más alta", "el más bajo". */
  static final Set<String> HIGH = Set.of("alto", "alta", "altos", "altas", "grande", "grandes", "elevado", "elevada",
      "elevados", "elevadas", "caluroso", "calurosa", "calurosos", "calurosas", "calido", "calida", "calidos", "calidas",
      "caro", "cara", "caros", "caras");
  static final Set<String> LOW = Set.of("bajo", "baja", "bajos", "bajas", "chico", "chica", "chicos", "chicas", "pequeno",
      "pequena", "pequenos", "pequenas", "frio", "fria", "frios", "frias", "fresco", "fresca", "frescos", "frescas",
      "barato", "barata", "baratos", "baratas");
  static final Set<String> COUNT = Set.of("cuantos", "cuantas", "cantidad", "numero", "contar", "cuenta");
  static final Set<String> AMOUNT = Set.of("cuanto", "cuanta");
  static final Set<String> GROUP = Set.of("por", "cada", "segun", "desglosado", "desglosada", "agrupado", "agrupada",
      "discriminado", "discriminada", "desagregado", "desagregada", "abierto", "abierta");
  static final Map<String, String> GRAIN_ADJECTIVES = Map.of("mensual", "mes", "mensuales", "mes", "anual", "ano",
      "anuales", "ano", "diario", "dia", "diaria", "dia", "diarios", "dia", "diarias", "dia");
  static final Map<String, String> GRAINS = Map.of("dia", "dia", "fecha", "dia", "jornada", "dia", "mes", "mes",
      "ano", "ano", "anio", "ano", "periodo", "mes");
  static final Set<String> WHICH = Set.of("que", "cual", "cuales", "quien", "quienes");
  static final Set<String> SHARE = Set.of("porcentaje", "proporcion", "participacion", "fraccion", "porcion");
  /** Words that, in a question asking for a share, only link the part to the whole ("viene de", "corresponde a"). */
  static final Set<String> SHARE_LINKS = Set.of("parte", "viene", "vienen", "proviene", "provienen", "corresponde",
      "corresponden", "representa", "representan", "supone", "suponen", "aporta", "aportan", "aportaron", "aporto",
      "pertenece", "pertenecen",
      "porcentual", "porciento");
  static final Set<String> CHANGE = Set.of("vario", "variacion", "cambio", "aumento", "aumentaron", "crecio",
      "crecimiento", "disminuyo", "disminucion", "subio", "bajo", "diferencia", "evoluciono", "evolucion", "cayo",
      "incremento", "variaron", "cambiaron", "crecieron");
  static final Set<String> EXCLUDE = Set.of("excepto", "salvo", "exceptuando", "excluyendo", "excluido", "excluida",
      "menos", "sin");
  static final Set<String> TOP = Set.of("top", "primeros", "primeras", "principales", "mejores");
  static final Set<String> BOTTOM = Set.of("ultimos", "ultimas", "peores");
  static final Set<String> GT = Set.of("supero", "superaron", "superior", "supera", "superan", "excedio", "encima",
      "sobrepaso");
  static final Set<String> LT = Set.of("inferior", "debajo");

  private Lexicon() {}

  /** 1-12 for a month name ("marzo", "setiembre"), else null; abbreviations only when {@code abbrev}. */
  static Integer month(String folded, boolean abbrev) {
    Integer m = MONTH.get(folded);
    return m != null || !abbrev ? m : MONTH_ABBREV.get(folded);
  }

  static String monthName(int m) {
    return m >= 1 && m <= 12 ? MONTHS[m - 1] : String.valueOf(m);
  }

  /** A small whole number written as a word or digits, else null. */
  static Integer count(Token t) {
    if (t.numeric()) {
      double v = t.number();
      return v == Math.rint(v) && v >= 1 && v <= 1000 ? (int) v : null;
    }
    return NUMBERS.get(t.folded());
  }
}
