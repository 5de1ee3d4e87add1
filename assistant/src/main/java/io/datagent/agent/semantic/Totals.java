package io.datagent.agent.semantic;

import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Members of a dimension that are the total of the others ("Total", "Total Nacional", "Todos", "Ambos sexos"), as
 * long-format statistics tables (INE style) carry them, often in several dimensions at once. Summing them with their
 * parts counts everything twice, so a plan over such a table is adjusted: a ranking leaves the totals out, a
 * dimension the question does not name is read at its total row, an exclusion keeps only parts, a share's whole is
 * the total row of the part's dimension, and counting rows or the one value a filter keeps means the value column.
 */
final class Totals {

  private Totals() {}

  /** Whether a dimension value is a total of the others. */
  static boolean isTotal(String value) {
    String s = value.strip();
    char c = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(0));
    if (c != 't' && c != 'a' && c != 'c') {
      return false; // most values: no folding needed
    }
    String v = Text.fold(s).replaceAll("\\s+", " ");
    return v.equals("total") || v.startsWith("total ") || v.equals("todos") || v.equals("todas") || v.equals("ambos sexos")
        || v.startsWith("todos los ") || v.startsWith("todas las ") || v.equals("conjunto");
  }

  /** The total members of a text dimension with indexed values and at least one part, else empty. */
  static List<String> members(Dimension d) {
    if (d.kind() != Dimension.Kind.TEXT || d.values().size() < 2) {
      return List.of();
    }
    List<String> out = d.values().stream().filter(Totals::isTotal).toList();
    return out.size() == d.values().size() ? List.of() : out;
  }

  /** Whether the table carries total rows: a long-format statistics table. */
  static boolean present(SemanticModel m) {
    return m.dimensions().stream().anyMatch(d -> !members(d).isEmpty());
  }

  /** The column holding the figures of a long-format table: its only number, else null. */
  static Measure valueColumn(SemanticModel m) {
    List<Measure> numbers = m.measures().stream().filter(x -> !x.rowCount()).toList();
    return numbers.size() == 1 ? numbers.get(0) : null;
  }

  /** The plan read over total members; an unclear compilation when a dimension has several totals to choose from. */
  static Compilation apply(Plan p) {
    SemanticModel m = p.model();
    boolean totalRows = present(m);
    List<Plan.Target> targets = new ArrayList<>(p.targets());
    Measure value = valueColumn(m);
    boolean longFormat = value != null && (totalRows || m.rowNoun().equals("filas"));
    for (int i = 0; i < targets.size(); i++) {
      Plan.Target x = targets.get(i);
      boolean countsRows = totalRows && x.measure().rowCount() && x.distinctOf() == null;
      boolean countsOneValue = x.distinctOf() != null && filteredTo(p.filters(), x.distinctOf());
      if (countsRows && value != null || countsOneValue && longFormat) {
        // "cuántas disoluciones voluntarias": the figure of the rows, not how many rows or values
        targets.set(i, new Plan.Target(value, Aggregation.SUM, null, x.minus()));
      } else if (countsOneValue) {
        return Compilation.unclear("Contar los valores distintos de " + x.distinctOf().displayName()
            + " cuando la pregunta fija uno daría siempre 1.", List.of(x.distinctOf().displayName()), p.score() * 0.5);
      }
    }
    if (!totalRows) {
      return Compilation.of(targets.equals(p.targets()) ? p : new Plan(m, targets, p.filters(), p.times(), p.group(),
          p.ranking(), p.share(), p.change(), p.arithmetic(), p.score()));
    }
    List<Plan.Filter> filters = new ArrayList<>(p.filters());
    filters.replaceAll(Totals::partsOnly);
    Plan.Share share = p.share() == null || p.share().part() == null ? p.share()
        : new Plan.Share(partsOnly(p.share().part()), p.share().partMeasure(), p.share().whole());
    for (Dimension d : m.dimensions()) {
      List<String> totals = members(d);
      if (totals.isEmpty()) {
        continue;
      }
      Plan.Filter in = find(filters, d, false);
      Plan.Filter out = find(filters, d, true);
      boolean grouped = p.group() != null && d.equals(p.group().dimension());
      boolean counted = targets.stream().anyMatch(x -> d.equals(x.distinctOf()));
      boolean part = share != null && share.part() != null && d.equals(share.part().dimension());
      if (in != null) {
        continue; // the question names its members
      }
      if (part) {
        if (totals.size() == 1) {
          share = new Plan.Share(share.part(), null, Plan.Filter.values(d, totals, false));
        } else {
          filters.add(Plan.Filter.values(d, totals, true));
        }
      } else if (out != null || counted || grouped && p.ranking() != null) {
        // parts only: "sin contar Madrid", "cuántas regiones", "las 5 regiones con más"
        Set<String> all = new LinkedHashSet<>(out == null ? List.of() : out.values());
        all.addAll(totals);
        filters.remove(out);
        filters.add(Plan.Filter.values(d, List.copyOf(all), true));
      } else if (!grouped) {
        if (totals.size() > 1) {
          return Compilation.unclear("La columna " + d.displayName() + " tiene varios totales (" + String.join(", ", totals)
              + ") y la pregunta no dice cuál usar.", totals, p.score() * 0.5);
        }
        filters.add(Plan.Filter.values(d, totals, false)); // a dimension not named: its total row, counted once
      }
    }
    return Compilation.of(new Plan(m, targets, filters, p.times(), p.group(), p.ranking(), share, p.change(),
        p.arithmetic(), p.score()));
  }

  /** "Cesárea" and "Total" named together: the word "total" meant the whole, not the member summed with its parts. */
  private static Plan.Filter partsOnly(Plan.Filter f) {
    if (f.dimension() == null || f.negated()) {
      return f;
    }
    List<String> parts = f.values().stream().filter(v -> !isTotal(v)).toList();
    return parts.isEmpty() || parts.size() == f.values().size() ? f : Plan.Filter.values(f.dimension(), parts, false);
  }

  private static boolean filteredTo(List<Plan.Filter> filters, Dimension d) {
    Plan.Filter f = find(filters, d, false);
    return f != null && f.values().size() == 1;
  }

  private static Plan.Filter find(List<Plan.Filter> filters, Dimension d, boolean negated) {
    return filters.stream().filter(f -> d.equals(f.dimension()) && f.negated() == negated).findFirst().orElse(null);
  }
}
