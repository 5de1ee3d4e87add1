package io.datagent.agent.trusted;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trusted query (Genie's trusted assets): SQL an engineer verified, with named parameters ({@code :region}), and
 * the question patterns it answers ({@code "potencia instalada en {region}"}).
 *
 * @param id stable identifier (a UUID text), never null
 * @param table the table it reads ({@code serving.plantas}), used for the value index of text parameters
 * @param patterns question patterns; {@code {name}} marks a parameter, every other word is fixed
 * @param sql the SQL, parameters written {@code :name}
 * @param params each parameter's type, in the order shown
 */
public record TrustedQuery(String id, String table, String title, List<String> patterns, String sql,
    Map<String, ParamType> params, String author, Instant createdAt) {

  static final Pattern PATTERN_PARAM = Pattern.compile("\\{([a-zA-Z_][a-zA-Z0-9_]*)}");
  static final Pattern SQL_PARAM = Pattern.compile("(?<![:a-zA-Z0-9_]):([a-zA-Z_][a-zA-Z0-9_]*)");

  public TrustedQuery {
    require(id, "id");
    require(table, "tabla");
    require(title, "título");
    require(sql, "SQL");
    patterns = patterns == null ? List.of() : patterns.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("La consulta verificada necesita al menos un patrón de pregunta.");
    }
    params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    for (String p : patterns) {
      Set<String> named = names(PATTERN_PARAM, p);
      if (!named.equals(params.keySet())) {
        throw new IllegalArgumentException("El patrón «" + p + "» debe nombrar exactamente los parámetros "
            + params.keySet() + " (nombra " + named + ").");
      }
    }
    Set<String> inSql = names(SQL_PARAM, sql);
    if (!inSql.equals(params.keySet())) {
      throw new IllegalArgumentException("La SQL debe usar exactamente los parámetros " + params.keySet()
          + " como :nombre (usa " + inSql + ").");
    }
  }

  private static void require(String v, String what) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("Falta " + what + " de la consulta verificada.");
    }
  }

  static Set<String> names(Pattern p, String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
