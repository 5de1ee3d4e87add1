package io.datagent.agent.semantic;

import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SqlIdent;
import io.datagent.semantic.SqlName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SQL statement for a {@link Plan}: aggregates of the measures over the filtered rows, grouped and ordered as
 * asked. Values are written as escaped literals; the statement still goes through the guard like any other.
 */
final class SqlBuilder {

  /** The alias of the first number column. */
  static final String VALUE = "valor";

  /** Most groups tied at the top that an answer lists. */
  static final int TIES = 20;

  private SqlBuilder() {}

  static String sql(Plan p) {
    if (perEntity(p)) {
      return countEntities(p);
    }
    List<String> where = new ArrayList<>();
    for (Plan.Filter f : p.filters()) {
      where.add(condition(f));
    }
    Dimension date = Roles.primaryTime(p.model());
    String dateCol = date == null ? null : SqlIdent.quote(date.column());
    if (!p.times().isEmpty()) {
      where.add(or(p.times().stream().map(ts -> ts.sql(dateCol)).toList()));
    }
    List<String> select = new ArrayList<>();
    if (p.change() != null) {
      where.add(or(List.of(p.change().from().sql(dateCol), p.change().to().sql(dateCol))));
      Plan.Target x = p.targets().get(0);
      String a = conditional(x, p.change().from().sql(dateCol));
      String b = conditional(x, p.change().to().sql(dateCol));
      select.add(arith(p, "(" + b + ") - (" + a + ")") + " AS variacion");
      select.add(arith(p, a) + " AS valor_inicial");
      select.add(arith(p, b) + " AS valor_final");
    } else if (p.share() != null) {
      Plan.Target x = p.targets().get(0);
      String whole = p.share().whole() != null ? conditional(x, condition(p.share().whole())) : expr(x);
      String part = p.share().part() != null ? conditional(x, condition(p.share().part()))
          : x.aggregation().sql(SqlIdent.quote(p.share().partMeasure().column()));
      select.add("100.0 * (" + part + ") / (" + whole + ") AS porcentaje");
      select.add(arith(p, part) + " AS parte");
      select.add(arith(p, whole) + " AS total");
    } else {
      boolean first = true;
      for (Plan.Target x : p.targets()) {
        select.add(arith(p, expr(x)) + " AS " + (first ? VALUE : alias(x)));
        first = false;
      }
    }
    String from = " FROM " + p.model().source() + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    Plan.Group g = p.group();
    if (g != null && g.dimension() == null) {
      return unpivot(p, g, from);
    }
    if (g == null) {
      return "SELECT " + String.join(", ", select) + from;
    }
    String label = label(g);
    String labelAlias = labelAlias(g);
    String sql = "SELECT " + label + " AS " + labelAlias + ", " + String.join(", ", select) + from + " GROUP BY " + label;
    if (g.average()) {
      return "SELECT AVG(" + VALUE + ") AS " + VALUE + ", COUNT(*) AS grupos FROM (" + sql + ") AS g";
    }
    if (p.ranking() != null && p.ranking().ties()) { // "¿qué terraza tiene la mayor superficie?": all tied at the top
      String top = (p.ranking().descending() ? "MAX(" : "MIN(") + VALUE + ")";
      return "SELECT " + labelAlias + ", " + VALUE + " FROM (" + sql + ") AS r WHERE " + VALUE + " = (SELECT " + top
          + " FROM (" + sql + ") AS s) ORDER BY " + labelAlias + " LIMIT " + TIES;
    }
    if (p.ranking() != null) {
      return sql + " ORDER BY " + firstAlias(p) + (p.ranking().descending() ? " DESC" : " ASC") + ", " + labelAlias
          + " LIMIT " + p.ranking().k();
    }
    return sql + " ORDER BY " + (g.dimension().temporal() || g.dimension().kind() == Dimension.Kind.NUMBER ? labelAlias
        : firstAlias(p) + " DESC, " + labelAlias);
  }

  /**
   * "¿Cuántas centrales superan los 500 MW?": a count of distinct things with a threshold on an additive measure
   * compares each thing's total (a thing may span several rows), not each row.
   */
  static boolean perEntity(Plan p) {
    return p.targets().size() == 1 && p.targets().get(0).distinctOf() != null && p.group() == null && p.share() == null
        && p.change() == null && p.filters().stream().anyMatch(SqlBuilder::additiveThreshold);
  }

  private static boolean additiveThreshold(Plan.Filter f) {
    return f.measure() != null && !f.measure().rowCount() && f.measure().aggregation() == Aggregation.SUM;
  }

  private static String countEntities(Plan p) {
    String key = "trim(" + SqlIdent.quote(p.targets().get(0).distinctOf().column()) + ")";
    List<String> where = new ArrayList<>(List.of(key + " IS NOT NULL"));
    List<String> having = new ArrayList<>();
    for (Plan.Filter f : p.filters()) {
      if (additiveThreshold(f)) {
        having.add(condition(f).replaceFirst("^" + java.util.regex.Pattern.quote(SqlIdent.quote(f.measure().column())),
            "SUM(" + java.util.regex.Matcher.quoteReplacement(SqlIdent.quote(f.measure().column())) + ")"));
      } else {
        where.add(condition(f));
      }
    }
    Dimension date = Roles.primaryTime(p.model());
    if (!p.times().isEmpty() && date != null) {
      String dateCol = SqlIdent.quote(date.column());
      where.add(or(p.times().stream().map(ts -> ts.sql(dateCol)).toList()));
    }
    return "SELECT " + arith(p, "COUNT(*)") + " AS " + VALUE + " FROM (SELECT " + key + " AS k FROM " + p.model().source()
        + " WHERE " + String.join(" AND ", where) + " GROUP BY " + key + " HAVING " + String.join(" AND ", having) + ") AS g";
  }

  private static String unpivot(Plan p, Plan.Group g, String from) {
    Plan.Target x = p.targets().get(0);
    Aggregation agg = x.measure().rowCount() ? Aggregation.SUM : x.aggregation();
    List<String> inner = new ArrayList<>();
    List<String> stack = new ArrayList<>();
    int i = 0;
    for (Measure m : g.measures()) {
      inner.add(arith(p, agg.sql(SqlIdent.quote(m.column()))) + " AS c" + i);
      stack.add("'" + m.displayName().replace("'", "''") + "', c" + i);
      i++;
    }
    String sql = "SELECT stack(" + g.measures().size() + ", " + String.join(", ", stack) + ") AS ("
        + SqlName.of(g.grain()) + ", " + VALUE + ") FROM (SELECT " + String.join(", ", inner) + from + ") AS t";
    if (p.ranking() != null) {
      return sql + " ORDER BY " + VALUE + (p.ranking().descending() ? " DESC" : " ASC") + " LIMIT " + p.ranking().k();
    }
    return sql + " ORDER BY " + VALUE + " DESC";
  }

  static String label(Plan.Group g) {
    String c = SqlIdent.quote(g.dimension().column());
    if (g.dimension().kind() == Dimension.Kind.DATE) {
      return switch (g.grain() == null ? "dia" : g.grain()) {
        case "mes" -> "date_format(" + c + ", 'yyyy-MM')";
        case "ano" -> "year(" + c + ")";
        default -> "to_date(" + c + ")";
      };
    }
    return g.dimension().kind() == Dimension.Kind.TEXT ? "trim(" + c + ")" : c;
  }

  static String labelAlias(Plan.Group g) {
    if (g.dimension().kind() == Dimension.Kind.DATE) {
      return switch (g.grain() == null ? "dia" : g.grain()) {
        case "mes" -> "mes";
        case "ano" -> "anio";
        default -> "fecha";
      };
    }
    String a = SqlName.of(g.dimension().name());
    return a.equals(VALUE) ? "grupo" : a;
  }

  private static String firstAlias(Plan p) {
    return p.change() != null ? "variacion" : p.share() != null ? "porcentaje" : VALUE;
  }

  static String expr(Plan.Target x) {
    String base;
    if (x.distinctOf() != null) {
      base = "COUNT(DISTINCT " + SqlIdent.quote(x.distinctOf().column()) + ")";
    } else if (x.measure().rowCount()) {
      base = "COUNT(*)";
    } else {
      base = x.aggregation().sql(SqlIdent.quote(x.measure().column()));
    }
    if (x.minus() != null) {
      base = base + " - " + x.aggregation().sql(SqlIdent.quote(x.minus().column()));
    }
    return base;
  }

  /** The target's aggregate over only the rows matching {@code cond}. */
  private static String conditional(Plan.Target x, String cond) {
    if (x.measure().rowCount()) {
      return "COUNT(CASE WHEN " + cond + " THEN 1 END)";
    }
    String col = SqlIdent.quote(x.measure().column());
    String e = x.aggregation().sql("CASE WHEN " + cond + " THEN " + col + " END");
    if (x.minus() != null) {
      e = e + " - " + x.aggregation().sql("CASE WHEN " + cond + " THEN " + SqlIdent.quote(x.minus().column()) + " END");
    }
    return e;
  }

  private static String arith(Plan p, String e) {
    if (p.arithmetic() == null) {
      return e;
    }
    if (p.arithmetic().by() != null) {
      return "(" + e + ") / NULLIF(" + expr(p.arithmetic().by()) + ", 0)";
    }
    return "(" + e + ") " + p.arithmetic().op() + " " + literal(p.arithmetic().operand());
  }

  static String condition(Plan.Filter f) {
    if (f.dimension() != null) {
      String c = SqlIdent.quote(f.dimension().column());
      String in = String.join(", ", f.values().stream().map(v -> "'" + v.replace("'", "''") + "'").toList());
      return f.negated() ? "(" + c + " IS NULL OR trim(" + c + ") NOT IN (" + in + "))" : "trim(" + c + ") IN (" + in + ")";
    }
    String c = SqlIdent.quote(f.measure().column());
    return switch (f.op()) {
      case "between" -> c + " BETWEEN " + literal(f.number()) + " AND " + literal(f.number2());
      default -> c + " " + f.op() + " " + literal(f.number());
    };
  }

  private static String or(List<String> conds) {
    return conds.size() == 1 ? "(" + conds.get(0) + ")" : "(" + String.join(" OR ", conds.stream().map(c -> "(" + c + ")").toList()) + ")";
  }

  private static String alias(Plan.Target x) {
    return x.aggregation().name().toLowerCase(Locale.ROOT) + "_" + (x.measure().column() == null ? "filas" : SqlName.of(x.measure().column()));
  }

  static String literal(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : java.math.BigDecimal.valueOf(v).toPlainString();
  }
}
