package io.datagent.semantic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a {@link SemanticModel} from a {@link TableProfile}: numeric columns become measures (unit from the
 * header, the comment or the table comment; average for levels such as °C, else total), dates and text columns
 * become dimensions (with their value index), whole numbers that identify (a day number, a year) become number
 * dimensions, and the row count is a measure named after what a row is.
 */
public final class SemanticModels {

  /** Most distinct values a dimension keeps in its value index. */
  public static final int MAX_VALUES = 500;

  private static final Pattern NUMERIC = Pattern.compile("(?i)(decimal|numeric|double|float|real|int|integer|bigint|"
      + "smallint|tinyint|long|short|byte).*");
  private static final Pattern WHOLE = Pattern.compile("(?i)(int|integer|bigint|smallint|tinyint|long|short|byte)");
  private static final Pattern IDENTIFIER = Pattern.compile("(n|nro|num|numero|id|cod|codigo|ano|anio|year|dia|mes|"
      + "semana|trimestre|orden|item|legajo)(_.*)?");
  /**
   * Numbers that are no quantity: identifiers by suffix ({@code openstreetmap_relation_id}, {@code municipio_cod}) and
   * positions ({@code coordenada_x_local}, {@code X}, {@code latitud}); summing or averaging them means nothing.
   */
  private static final Pattern NOT_A_QUANTITY = Pattern.compile("(.+_)?(id|cod|codigo)|(x|y|lat|lon|lng|latitud|longitud|"
      + "coord|coordenada|coordenadas|utm)(_.*)?");
  /** A key column named after what a row is: {@code id_terraza}, {@code cod_estacion}, {@code codigo_central}. */
  private static final Pattern KEY = Pattern.compile("(id|cod|codigo|num|numero|nro)_([a-z]{4,})");
  /** A text column that describes a code beside it: {@code desc_distrito_local} (twin of {@code id_distrito_local}). */
  private static final Pattern DESCRIPTION = Pattern.compile("(desc|descripcion|nombre|nom|denominacion|txt)_([a-z0-9_]+)");
  /** Head words too general to stand for one column on their own ("tipo" of tipo_acceso_local). */
  private static final java.util.Set<String> GENERIC_HEADS = java.util.Set.of("tipo", "clase", "situacion", "estado",
      "nombre", "codigo", "numero", "fecha", "hora", "valor", "dato", "grupo", "categoria", "nivel");
  /** Words of a table name that say nothing about what a row is. */
  private static final java.util.Set<String> GENERIC_TABLE_WORDS = java.util.Set.of("datos", "tablas", "listados",
      "informes", "registros", "archivos", "hojas", "resultados", "todos", "exports", "series");
  private static final Pattern MONTH_TEXT = Pattern.compile("(?i)(ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|nov|dic)"
      + "[a-z]*[-/ .]?(\\d{2}|\\d{4})|\\d{4}[-/](0?[1-9]|1[0-2])|(0?[1-9]|1[0-2])[-/]\\d{4}");
  private static final Pattern CODE = Pattern.compile("\\b([A-Za-z0-9]{1,6})\\s*[=:]\\s*([^,;=:\\n]{2,60}?)(?=\\s*(?:[,;\\n]|$|\\b[A-Za-z0-9]{1,6}\\s*[=:]))");

  private SemanticModels() {}

  public static SemanticModel derive(TableProfile p) {
    String tableUnit = Units.find(p.comment());
    String noun = rowNoun(p);
    List<Dimension> dims = new ArrayList<>();
    List<Measure> measures = new ArrayList<>();
    for (TableProfile.Column c : p.columns()) {
      if (c.lineage()) {
        continue;
      }
      String type = c.type() == null ? "" : c.type().strip().toLowerCase(Locale.ROOT);
      String label = label(c);
      List<String> synonyms = synonyms(c, label, noun, p.columns(), tableWords(p));
      if (NUMERIC.matcher(type).matches()) {
        boolean whole = WHOLE.matcher(type).matches();
        String folded = Spanish.fold(c.name());
        if (whole && IDENTIFIER.matcher(folded).matches() || NOT_A_QUANTITY.matcher(folded).matches()) {
          dims.add(new Dimension(c.name(), c.name(), Dimension.Kind.NUMBER, label, c.comment(), synonyms, List.of(), codes(c)));
          continue;
        }
        String unit = firstNonNull(Units.find(c.header()), Units.find(c.comment()), tableUnit);
        Aggregation agg = Units.level(unit, c.name() + " " + label) ? Aggregation.AVG : Aggregation.SUM;
        measures.add(new Measure(c.name(), c.name(), agg, unit, label, c.comment(), synonyms));
      } else if (type.startsWith("date") || type.startsWith("timestamp")) {
        dims.add(new Dimension(c.name(), c.name(), Dimension.Kind.DATE, label, c.comment(), synonyms, List.of(), Map.of()));
      } else {
        List<String> values = values(c);
        boolean months = !values.isEmpty() && values.stream().allMatch(v -> MONTH_TEXT.matcher(v.strip()).matches());
        Map<String, String> codes = new LinkedHashMap<>(codes(c));
        ValueAliases.of(values).forEach(codes::putIfAbsent);
        dims.add(new Dimension(c.name(), c.name(), months ? Dimension.Kind.MONTH_TEXT : Dimension.Kind.TEXT, label,
            c.comment(), synonyms, values, codes));
      }
    }
    String countName = SqlName.of(noun);
    if (p.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(SqlName.of(noun)))) {
      countName = "cantidad_" + countName;
    }
    measures.add(new Measure(countName, null, Aggregation.COUNT, null, "Cantidad de " + noun,
        "Filas de la tabla: cada una es un elemento de " + noun + ".", List.of(noun, "registros", "filas", "casos")));
    return new SemanticModel(p.table(), p.comment(), noun, dims, measures);
  }

  /** What a row is: a key column's name in plural ("centrales"), days/months for a date key, else "filas". */
  static String rowNoun(TableProfile p) {
    if (p.rowCount() > 1) {
      String keyed = keyNoun(p);
      if (keyed != null) {
        return keyed;
      }
      for (TableProfile.Column c : p.columns()) {
        if (c.lineage() || c.distinctCount() != p.rowCount()) {
          continue;
        }
        String type = c.type() == null ? "" : c.type().toLowerCase(Locale.ROOT);
        String name = Spanish.fold(c.name());
        if (type.startsWith("date") || type.startsWith("timestamp")) {
          return name.contains("mes") || name.contains("periodo") ? "meses" : name.contains("ano") ? "años" : "días";
        }
        if (type.startsWith("string") || type.startsWith("varchar") || type.startsWith("char")) {
          String word = (c.header() != null && !c.header().isBlank() ? c.header() : c.name()).strip();
          if (word.matches("[\\p{L} ]{3,30}") && !word.contains(" ")) {
            return Spanish.plural(word);
          }
          String first = Spanish.fold(c.name()).split("_")[0];
          if (first.length() >= 3 && !first.matches("id|cod|codigo|nombre|descripcion")) {
            return Spanish.plural(first);
          }
        }
      }
      // no key: the table name's first word when it is a plural noun ("13915_sociedades_disueltas" → "sociedades")
      String named = tableWords(p).stream().filter(w -> w.matches("\\p{L}{4,}")).findFirst().orElse("");
      if (named.matches("[a-z]{4,}s") && !GENERIC_TABLE_WORDS.contains(named)) {
        return named;
      }
    }
    return "filas";
  }

  /** Whether a column name reads as a key named after what a row is ({@code id_terraza}); its uniqueness is not checked. */
  public static boolean keyLike(String columnName) {
    return KEY.matcher(Spanish.fold(columnName)).matches();
  }

  /**
   * What a row is when a unique whole-number key names it ({@code id_terraza} → "terrazas"): the key's noun when the
   * table name says it too, else the table name's first word when it is a plural noun ({@code embalses_enriquecido},
   * keyed by {@code id_infraes}), else the key's noun; null without such a key.
   */
  private static String keyNoun(TableProfile p) {
    List<String> tableWords = tableWords(p);
    for (TableProfile.Column c : p.columns()) {
      String type = c.type() == null ? "" : c.type().strip().toLowerCase(Locale.ROOT);
      Matcher k = KEY.matcher(Spanish.fold(c.name()));
      if (c.lineage() || c.distinctCount() != p.rowCount() || !WHOLE.matcher(type).matches() || !k.matches()) {
        continue;
      }
      String noun = Spanish.plural(k.group(2));
      if (tableWords.contains(Spanish.fold(noun))) {
        return noun;
      }
      String first = tableWords.stream().filter(w -> !w.isEmpty()).findFirst().orElse("");
      if (first.matches("[a-z]{4,}s") && !GENERIC_TABLE_WORDS.contains(first)) {
        return first;
      }
      return noun;
    }
    return null;
  }

  private static List<String> tableWords(TableProfile p) {
    return List.of(Spanish.fold(p.table().substring(p.table().lastIndexOf('.') + 1)).split("_"));
  }

  private static String label(TableProfile.Column c) {
    boolean header = c.header() != null && !c.header().isBlank();
    String h = header ? c.header() : c.comment();
    if (h == null || h.isBlank()) {
      return Spanish.label(c.name());
    }
    String first = h.strip().split("\\R", 2)[0].replace('_', ' ');
    first = first.replaceAll("\\s*/\\d+(\\s.*)?$", "");
    if (!header) { // a comment may go on after its first sentence
      first = first.replaceAll("\\s*[.:;]\\s.*$", "");
    }
    first = first.strip();
    if (first.length() > 60) {
      first = first.substring(0, 60).strip();
    }
    return first.isEmpty() ? Spanish.label(c.name()) : Spanish.sentence(first);
  }

  /** The words after a description prefix when a code column of the same words exists ({@code id_distrito_local}). */
  private static String describedCode(TableProfile.Column c, List<TableProfile.Column> columns) {
    Matcher d = DESCRIPTION.matcher(Spanish.fold(c.name()));
    if (!d.matches()) {
      return "";
    }
    String rest = d.group(2);
    boolean twin = columns.stream().map(x -> Spanish.fold(x.name()))
        .anyMatch(n -> n.equals("id_" + rest) || n.equals("cod_" + rest) || n.equals("codigo_" + rest));
    return twin ? rest.replace('_', ' ').strip() : "";
  }

  private static List<String> synonyms(TableProfile.Column c, String label, String rowNoun, List<TableProfile.Column> columns,
      List<String> tableWords) {
    Set<String> out = new LinkedHashSet<>();
    out.add(label);
    if (c.header() != null && !c.header().isBlank()) {
      out.add(c.header().strip());
    }
    String bare = label.replaceAll("\\s*[\\[(][^\\])]*[\\])]", "").replaceAll("\\s*°\\s*[CFK]\\b", "").strip();
    if (!bare.isEmpty()) {
      out.add(bare);
    }
    out.add(c.name().replace('_', ' '));
    out.addAll(ValueAliases.acronym(Spanish.fold(c.name())));
    String rest = describedCode(c, columns);
    // desc_distrito_local describes id_distrito_local: it is the "distrito local", and the "distrito" when that word
    // is specific (not "tipo", "clase"…) and names neither the rows nor the table
    if (!rest.isEmpty()) {
      String head = rest.split(" ")[0];
      if (!head.equals(rest)) {
        out.add(rest);
      }
      String plural = Spanish.fold(Spanish.plural(head));
      if (!GENERIC_HEADS.contains(head) && !plural.equals(Spanish.fold(rowNoun)) && !tableWords.contains(plural)
          && !tableWords.contains(head)) {
        out.add(head);
      }
    }
    return out.stream().filter(s -> s.length() <= 255).limit(10).toList();
  }

  private static List<String> values(TableProfile.Column c) {
    if (c.values().isEmpty() || c.values().size() > MAX_VALUES) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    c.values().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> {
          if (e.getKey() != null && !e.getKey().isBlank()) {
            out.add(e.getKey().strip());
          }
        });
    return new ArrayList<>(out);
  }

  /** Codes from the profile, plus pairs like {@code I = Izquierdo, D = Derecho} written in the comment. */
  static Map<String, String> codes(TableProfile.Column c) {
    Map<String, String> out = new LinkedHashMap<>(c.codes());
    if (c.comment() != null) {
      Matcher m = CODE.matcher(c.comment());
      Map<String, String> found = new LinkedHashMap<>();
      while (m.find()) {
        found.putIfAbsent(m.group(1).strip(), m.group(2).strip());
      }
      if (found.size() >= 2) {
        found.forEach(out::putIfAbsent);
      }
    }
    return out;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
