package io.datagent.semantic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Spanish statistics write names that analysts say otherwise: a code before the name ({@code 01 Andalucía},
 * {@code 28079 Madrid}), the article or title after a comma ({@code Madrid, Comunidad de}, {@code Rioja, La},
 * {@code Palmas, Las}), and the administrative acronyms of column names ({@code CCAA}, {@code CP}). The aliases go in
 * a dimension's code meanings, so that "Comunidad de Madrid" resolves to the value {@code 13 Madrid, Comunidad de}.
 */
final class ValueAliases {

  private static final Pattern CODED = Pattern.compile("(\\d{1,5})\\s+(\\p{L}.*)");
  private static final Pattern INVERTED = Pattern.compile("([^,]+),\\s*(\\p{L}[\\p{L}' ]{0,30})");
  private static final Map<String, List<String>> ACRONYMS = Map.of(
      "ccaa", List.of("comunidad autónoma", "comunidades autónomas"),
      "ca", List.of("comunidad autónoma"),
      "cp", List.of("código postal"),
      "cod_postal", List.of("código postal"));

  private ValueAliases() {}

  /** value → the name as said ({@code 13 Madrid, Comunidad de} → {@code Comunidad de Madrid}); only changed names. */
  static Map<String, String> of(List<String> values) {
    long coded = values.stream().filter(v -> CODED.matcher(v).matches()).count();
    Map<String, String> out = new LinkedHashMap<>();
    for (String v : values) {
      String name = v;
      Matcher c = CODED.matcher(v);
      if (coded * 2 >= values.size() && c.matches()) { // a coded column, not a value that happens to start with digits
        name = c.group(2).strip();
      }
      Matcher i = INVERTED.matcher(name);
      if (i.matches() && i.group(2).strip().split("\\s+").length <= 3) {
        name = i.group(2).strip() + " " + i.group(1).strip();
      }
      if (!name.equals(v) && name.length() >= 2) {
        out.put(v, name);
      }
    }
    return out;
  }

  /** What a column named by an administrative acronym is called ({@code ccaa} → comunidad autónoma), or nothing. */
  static List<String> acronym(String foldedName) {
    return ACRONYMS.getOrDefault(foldedName, List.of());
  }
}
