package io.datagent.semantic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Units written in headers and comments: {@code [MW]}, {@code (kWh)}, {@code °C}, {@code %}, "en miles de m3".
 * Returns the unit as written (trimmed), or null.
 */
public final class Units {

  /** A unit in matching brackets: {@code [MW]} or {@code (kWh)}, never {@code (filtr]} (a cut sheet name in a note). */
  private static final Pattern BRACKET = Pattern.compile("\\[\\s*([^\\[\\]()]{1,16}?)\\s*\\]|\\(\\s*([^\\[\\]()]{1,16}?)\\s*\\)");
  private static final Pattern DEGREES = Pattern.compile("°\\s*([CFK])\\b|º\\s*([CFK])\\b");
  private static final Pattern SPELLED = Pattern.compile(
      "(?i)\\ben\\s+((?:miles|millones|miles de millones)\\s+de\\s+)?([a-záéíóú$]{1,12}\\d?(?:/[a-z]+)?)"
      + "(?=$|[\\s.,;:)])");
  private static final Pattern KNOWN = Pattern.compile(
      "(?i)(?<![a-z])(mwh|gwh|kwh|mw|kw|gw|m3|km|kg|tn|toneladas|litros|pesos|usd|d[oó]lares|kcal|\\$)(?![a-z])");
  /** A unit glued to a number ("CAMIONES HASTA 3500kg") qualifies a value named in the text, not the column. */
  private static final Pattern GLUED = Pattern.compile("(?i)\\d(mwh|gwh|kwh|mw|kw|gw|m3|km|kg|tn|kcal)(?![a-z])");
  private static final Pattern AMOUNT = Pattern.compile("(?i)\\b(miles|millones)\\s+de\\s+(\\S+)");

  private Units() {}

  /** The unit in a header or comment, or null. */
  public static String find(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher d = DEGREES.matcher(text);
    if (d.find()) {
      return "°" + (d.group(1) != null ? d.group(1) : d.group(2));
    }
    // a list of official names ("Balears (Illes), Coruña (A), Madrid (Comunidad de)"): no capitalised word in brackets
    // is a unit there; nor is a qualifier ending in "de" anywhere
    boolean names = BRACKET.matcher(text).results().map(m -> (m.group(1) != null ? m.group(1) : m.group(2)).strip())
        .anyMatch(u -> u.length() > 1 && nameArticle(u));
    Matcher b = BRACKET.matcher(text);
    while (b.find()) {
      String u = (b.group(1) != null ? b.group(1) : b.group(2)).strip();
      // a unit, not a note or section reference such as "(1)" or "(I.06)"
      if (!u.matches("\\d+") && u.length() <= 12 && !u.contains(" de ") && !u.contains(".") && u.matches(".*[\\p{L}%$°].*")
          && !u.matches("(?iu).*\\s(de|del)") && !(names ? u.matches("\\p{Lu}(\\p{Ll}.*)?") && !UNIT_WORDS.matcher(u).matches()
          : u.length() > 1 && nameArticle(u))) {
        return u;
      }
    }
    if (text.contains("%")) {
      return "%";
    }
    Matcher a = AMOUNT.matcher(text);
    if (a.find()) {
      return a.group(1).toLowerCase(Locale.ROOT) + " de " + a.group(2).replaceAll("[.,;:]+$", "");
    }
    Matcher s = SPELLED.matcher(text);
    while (s.find()) {
      String unit = s.group(2);
      if (KNOWN.matcher(unit).matches()) {
        return (s.group(1) == null ? "" : s.group(1).toLowerCase(Locale.ROOT)) + unit;
      }
    }
    Matcher k = KNOWN.matcher(text);
    while (k.find()) {
      if (!k.group(1).equals("$") && !(k.start() > 0 && GLUED.matcher(text).region(k.start() - 1, k.end()).lookingAt())) {
        return k.group(1);
      }
    }
    return null;
  }

  /**
   * A capitalised word in brackets that is part of a name, not a unit: the inverted article or qualifier of official
   * Spanish names ("Balears (Illes)", "Palmas (Las)", "Rioja (La)"). A capitalised unit word ("Euros", "Habitantes")
   * is still a unit; a single letter ("(A)": amperes, or A Coruña) only counts as a name beside other names.
   */
  private static boolean nameArticle(String u) {
    return u.matches("\\p{Lu}\\p{Ll}*") && !UNIT_WORDS.matcher(u).matches();
  }

  private static final Pattern UNIT_WORDS = Pattern.compile("(?iu)euros?|pesos|d[oó]lares|litros|toneladas|kilos|kilogramos|"
      + "metros|kil[oó]metros|hect[aá]reas|horas|minutos|segundos|d[ií]as|meses|a[nñ]os|personas|habitantes|viviendas|"
      + "unidades|veh[ií]culos|empleados|trabajadores|grados|vatios|puntos|porcentaje");

  /**
   * Whether a total of the unit makes no sense (a level or a ratio: temperatures, percentages, prices per unit),
   * so the default aggregation is the average.
   */
  public static boolean level(String unit, String name) {
    String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
    String n = Spanish.fold(name);
    return u.startsWith("°") || u.equals("%") || u.contains("/")
        || n.matches(".*(temperatura|precio|tasa|porcentaje|pct|indice|promedio|media|ratio|tarifa|cotizacion|humedad).*");
  }
}
