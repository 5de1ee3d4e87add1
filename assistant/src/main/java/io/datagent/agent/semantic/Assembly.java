package io.datagent.agent.semantic;

import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import io.datagent.semantic.Spanish;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Assembles the {@link Plan} from the roles the names took: targets, aggregations, filters, time, share, change. */
final class Assembly {

  /** What {@link QuestionCompiler} found each name to be. */
  record Parts(List<Mention> targets, List<Mention> countTargets, Map<Dimension, List<String>> include,
      Map<Dimension, List<String>> exclude, List<Measure> minus, Dimension group, String grain, boolean ranked,
      boolean plural, String categoryWord, boolean grainAdjective) {}

  private Assembly() {}

  private static final java.util.regex.Pattern KIND_OF = java.util.regex.Pattern.compile(
      "(tipo|tipos|clase|clases|categoria|categorias|grupo|grupos|modalidad|modalidades)( de| del)? .+");

  /**
   * "¿Cuántos vehículos hay?" over a column "Tipo de vehículo": the question names what the column classifies, not
   * its kinds, so it counts the rows (or sums the figures), not the distinct kinds.
   */
  static boolean headless(Mention x, List<Token> t) {
    String label = Text.fold(x.dimension().displayName()).replace('_', ' ').strip();
    java.util.regex.Matcher k = KIND_OF.matcher(label);
    if (!k.matches()) {
      return false;
    }
    String head = Text.stem(k.group(1));
    for (int i = Math.max(0, x.start() - 2); i <= x.end() && i < t.size(); i++) {
      if (t.get(i).stem().equals(head)) {
        return false;
      }
    }
    return true;
  }

  static Compilation assemble(SemanticModel m, List<Token> t, Slots s, TimeParser.Times times, double explained, Parts r) {
    List<Mention> targetMentions = new ArrayList<>(r.targets());
    if (targetMentions.stream().anyMatch(Mention::full)) {
      targetMentions.removeIf(x -> !x.full()); // "demanda de industrias": the full name wins over a partial one
    }
    if (r.categoryWord() != null && targetMentions.stream().anyMatch(x -> !x.measure().rowCount() && !x.measure().equals(total(m)))) {
      // "¿cuál fue la temperatura más alta en Córdoba?" on a table of provinces as columns: not a ranking of columns
      return Compilation.unclear("No pude interpretar «" + r.categoryWord() + "» en la pregunta con el modelo de " + m.source()
          + ", así que no calculé ninguna cifra.", List.of(), explained * 0.5);
    }
    java.util.Set<Measure> seen = new java.util.HashSet<>();
    targetMentions.removeIf(x -> !seen.add(x.measure())); // "potencia instalada en GW (los MW …)": one measure named twice
    List<Plan.Filter> filters = new ArrayList<>();
    // comparisons take the measure their unit names, else, for "más/menos de N", the one named right after the number
    // ("más de 20 mesas"), else the nearest one named before them ("potencia superior a 100"); "X más de N Y" with
    // X and Y different measures, X right before the comparison: not guessed
    for (Slots.Compare c : s.comparisons) {
      Measure by = byUnit(m, c.unit());
      Mention near = null;
      Mention after = null;
      boolean quantity = t.get(c.start()).is("mas", "menos");
      for (Mention x : targetMentions) {
        if (x.end() < c.start() && c.start() - x.end() <= 6) {
          near = x;
        }
        if (quantity && x.start() == c.end() + 1 && x.full() && !x.measure().rowCount()) {
          after = x;
        }
      }
      if (by == null && after != null && near != null && !near.measure().equals(after.measure()) && near.end() >= c.start() - 2) {
        return Compilation.unclear("No sé si el número " + fmt(c.number()) + " se refiere a " + near.measure().displayName()
            + " o a " + after.measure().displayName() + ".", names(List.of(near.measure(), after.measure())), explained);
      }
      Measure fm = by != null ? by : after != null ? after.measure() : near != null ? near.measure() : null;
      if (fm == null && c.unit() != null && !c.unit().equals("%")) {
        return Compilation.unclear("Ninguna medida de " + m.source() + " está en " + c.unit() + ".",
            names(m.measures().stream().filter(x -> !x.rowCount()).toList()), explained * 0.5);
      }
      if (fm == null) {
        List<Measure> numbers = m.measures().stream().filter(x -> !x.rowCount()).toList();
        if (numbers.size() != 1) {
          return Compilation.unclear("No sé a qué medida se refiere el número " + fmt(c.number()) + ".", names(numbers), explained);
        }
        fm = numbers.get(0);
      }
      Measure chosen = fm;
      filters.add(Plan.Filter.number(fm, c.op(), c.number(), c.number2()));
      if (targetMentions.size() > 1 || !r.countTargets().isEmpty() || s.counts.size() > 0) {
        targetMentions.removeIf(x -> x.measure().equals(chosen));
      }
    }
    if (!targetMentions.isEmpty() && r.countTargets().stream().anyMatch(x -> x.kind() == Mention.Kind.MEASURE
        && x.measure().rowCount() && t.get(x.start()).stem().equals("caso"))) {
      // "los casos según el sexo de la víctima": the rows, or the measure the question also names? Not guessed
      return Compilation.unclear("No sé si cuento las filas («" + t.get(r.countTargets().get(0).start()).raw()
          + "») o sumo " + targetMentions.get(0).measure().displayName() + ".", List.of(), explained * 0.5);
    }
    // a measure named "Total" read from the word "total" is the aggregation when another measure is named
    if (targetMentions.size() > 1 && !s.share) {
      targetMentions.removeIf(x -> x.start() == x.end() && Lexicon.AGGREGATIONS.containsKey(t.get(x.start()).folded())
          && targetMentions.stream().anyMatch(o -> o != x));
    }
    r.include().forEach((d, v) -> filters.add(Plan.Filter.values(d, v, false)));
    r.exclude().forEach((d, v) -> filters.add(Plan.Filter.values(d, v, true)));

    boolean filtered = !r.include().isEmpty() || !r.exclude().isEmpty() || !times.found().isEmpty();
    boolean named = targetMentions.stream().anyMatch(x -> x.full() || x.end() > x.start()
        || filtered && onlyMeasureWith(m, t.get(x.start())));
    boolean analytic = !s.aggregations.isEmpty() || !s.counts.isEmpty() || s.amount || s.share || s.change
        || r.group() != null || r.categoryWord() != null || !s.comparisons.isEmpty() || s.arithmetic != null
        || !r.minus().isEmpty();
    if (!analytic && !named) {
      return Compilation.none(); // "¿cuál es la capital de Francia?" names no measure fully and asks for no figure
    }
    List<Plan.Target> targets = new ArrayList<>();
    boolean rankingOrder = r.ranked() || (r.group() != null && s.descending != null && !s.which.isEmpty());
    for (Mention x : targetMentions) {
      targets.add(new Plan.Target(x.measure(), aggregation(s, x, rankingOrder, t), null, null));
    }
    if (targets.isEmpty() || !s.counts.isEmpty()) {
      for (Mention x : r.countTargets()) {
        Measure count = m.rowCount().orElse(null);
        if (count == null) {
          continue;
        }
        boolean distinct = x.kind() == Mention.Kind.DIMENSION && !x.dimension().equals(r.group()) && !headless(x, t);
        if (targets.isEmpty() || distinct) {
          targets.add(0, new Plan.Target(count, Aggregation.COUNT, distinct ? x.dimension() : null, null));
          break;
        }
      }
    }
    if (targets.isEmpty()) {
      if (!s.counts.isEmpty() && m.rowCount().isPresent()) {
        targets.add(new Plan.Target(m.rowCount().get(), Aggregation.COUNT, null, null));
      } else if (!analytic && filters.isEmpty()) {
        return Compilation.none();
      } else if (!analytic) {
        return Compilation.none(); // a lookup ("la central ABRO"): the extractive answer shows the rows
      } else {
        List<Measure> numbers = m.measures().stream().filter(x -> !x.rowCount()).toList();
        Measure total = numbers.stream().filter(x -> Spanish.fold(x.name()).equals("total")).findFirst().orElse(null);
        if (r.categoryWord() != null && !numbers.isEmpty()) {
          targets.add(new Plan.Target(numbers.get(0), aggregation(s, null, true, t), null, null));
        } else if (total != null) {
          targets.add(new Plan.Target(total, aggregation(s, null, rankingOrder, t), null, null));
        } else if (numbers.size() == 1) {
          targets.add(new Plan.Target(numbers.get(0), aggregation(s, null, rankingOrder, t), null, null));
        } else if (r.group() != null && !numbers.isEmpty() && s.aggregations.isEmpty() && !s.amount && m.rowCount().isPresent()) {
          targets.add(new Plan.Target(m.rowCount().get(), Aggregation.COUNT, null, null));
        } else {
          return Compilation.unclear("No encontré en la pregunta qué cifra calcular en " + m.source() + ".",
              names(numbers), explained * 0.5);
        }
      }
    }
    if (!r.minus().isEmpty() && targets.size() == 1) {
      Plan.Target only = targets.get(0);
      targets.set(0, new Plan.Target(only.measure(), only.aggregation(), only.distinctOf(), r.minus().get(0)));
    }

    Plan.Share share = null;
    if (s.share) {
      int at = SharePart.pick(filters, t);
      Plan.Filter part = at < 0 ? null : filters.remove(at);
      if (part != null) {
        share = new Plan.Share(part, null);
      } else if (targets.size() >= 2) {
        Plan.Target whole = targets.stream().filter(x -> Spanish.fold(x.measure().name()).contains("total")).findFirst()
            .orElse(targets.get(targets.size() - 1));
        Plan.Target piece = targets.stream().filter(x -> x != whole).findFirst().orElseThrow();
        targets = new ArrayList<>(List.of(whole));
        share = new Plan.Share(null, piece.measure());
      } else if (targets.size() == 1 && !targets.get(0).measure().rowCount() && total(m) != null
          && !targets.get(0).measure().equals(total(m))) {
        // a wide table: "qué porcentaje del gas corresponde a Salta" is the Salta column over the Total column
        Plan.Target piece = targets.get(0);
        targets = new ArrayList<>(List.of(new Plan.Target(total(m), piece.aggregation(), null, null)));
        share = new Plan.Share(null, piece.measure());
      } else {
        return Compilation.unclear("No entendí de qué parte quiere el porcentaje.", List.of(), explained * 0.5);
      }
    }

    List<TimeSpec> timeFilter = new ArrayList<>();
    Plan.Change change = null;
    List<TimeSpec> found = times.found().stream().map(TimeParser.Found::spec).toList();
    if (s.change && found.size() >= 2) {
      change = times.against() ? new Plan.Change(found.get(1), found.get(0)) : new Plan.Change(found.get(0), found.get(1));
    } else if (times.paired()) {
      timeFilter.add(found.get(0).recurring() || found.get(1).recurring() ? found.get(0) : found.get(0).through(found.get(1)));
      timeFilter.addAll(found.subList(2, found.size()));
    } else {
      timeFilter.addAll(found);
    }
    // a measure the question named beats one taken because the table has no other
    double score = explained + (named || !r.countTargets().isEmpty() ? 0.1 : 0);
    if ((!timeFilter.isEmpty() || change != null) && Roles.primaryTime(m) == null) {
      return Compilation.unclear("La tabla " + m.source() + " no tiene una columna de fechas para filtrar por "
          + found.get(0).label() + ".", List.of(), explained * 0.5);
    }

    Plan.Group group = null;
    if (r.group() != null) {
      boolean perGrain = r.grainAdjective() && r.group().temporal() && !targets.isEmpty()
          && targets.get(0).aggregation() == Aggregation.AVG && !targets.get(0).measure().rowCount();
      if (perGrain) { // "promedio mensual": the average of the monthly totals
        Plan.Target x = targets.get(0);
        targets.set(0, new Plan.Target(x.measure(), x.measure().aggregation() == Aggregation.AVG ? Aggregation.AVG
            : Aggregation.SUM, x.distinctOf(), x.minus()));
      }
      group = new Plan.Group(r.group(), r.grain(), List.of(), perGrain);
    } else if (r.categoryWord() != null) {
      List<Measure> parts = m.measures().stream().filter(x -> !x.rowCount() && !Spanish.fold(x.name()).equals("total")
          && !r.minus().contains(x)).toList();
      group = new Plan.Group(null, r.categoryWord(), parts, false);
    }
    Plan.Ranking ranking = null;
    if (group != null && (r.ranked() || rankingOrder || s.k != null)) {
      boolean desc = s.descending == null || s.descending;
      int k = s.k != null ? s.k : r.plural() ? 5 : 1;
      ranking = new Plan.Ranking(desc, k);
    }
    if (group == null && share == null && change == null && RowLabel.asked(r.countTargets(), t, s) && !targets.isEmpty()
        && !targets.get(0).measure().rowCount()) { // "¿qué terraza tiene la mayor superficie?": the row's name
      Dimension label = RowLabel.of(m);
      if (label == null) {
        return Compilation.unclear("No sé qué columna de " + m.source() + " da el nombre de cada fila, así que no digo cuál "
            + "tiene " + (s.descending ? "el mayor" : "el menor") + " valor.", names(List.of(targets.get(0).measure())), explained * 0.5);
      }
      Plan.Target x = targets.get(0);
      targets = new ArrayList<>(List.of(new Plan.Target(x.measure(), s.descending ? Aggregation.MAX : Aggregation.MIN, null, null)));
      group = new Plan.Group(label, null, List.of(), false);
      ranking = new Plan.Ranking(s.descending, s.k != null ? s.k : 1, s.k == null);
    }
    return Totals.apply(new Plan(m, targets, filters, timeFilter, group, ranking, share, change, s.arithmetic, score));
  }

  private static Aggregation aggregation(Slots s, Mention x, boolean rankingOrder, List<Token> t) {
    if (x != null && x.measure().rowCount()) {
      return Aggregation.COUNT;
    }
    Aggregation found = null;
    for (Slots.Agg a : s.aggregations) {
      boolean insideName = x != null && a.index() >= x.start() && a.index() <= x.end();
      boolean direction = rankingOrder && (a.aggregation() == Aggregation.MAX || a.aggregation() == Aggregation.MIN);
      if (!insideName && !direction && (x == null || a.index() < x.start() || found == null)) {
        found = a.aggregation();
      }
    }
    return found != null ? found : x == null ? Aggregation.SUM : x.measure().aggregation();
  }

  /**
   * "Potencia de las turbinas a gas en COMAHUE": one word of a measure's name names it when no other measure has that
   * word and the question filters (a bare "¿cuál es la demanda?" stays unread).
   */
  private static boolean onlyMeasureWith(SemanticModel m, Token w) {
    long n = m.measures().stream().filter(x -> !x.rowCount()).filter(x -> {
      List<String> words = new ArrayList<>(ModelIndex.words(x.displayName()));
      x.synonyms().forEach(y -> words.addAll(ModelIndex.words(y)));
      return words.stream().anyMatch(y -> Text.same(y, w.stem()));
    }).count();
    return n == 1;
  }

  /** The measure named "Total" (a wide table's sum of its columns), or null. */
  static Measure total(SemanticModel m) {
    return m.measures().stream().filter(x -> !x.rowCount() && Spanish.fold(x.name()).equals("total")).findFirst().orElse(null);
  }

  private static Measure byUnit(SemanticModel m, String unit) {
    if (unit == null) {
      return null;
    }
    String u = unit.replace("grados", "°c").replace("°", "°");
    List<Measure> hits = m.measures().stream().filter(x -> x.unit() != null)
        .filter(x -> {
          String mu = Spanish.fold(x.unit()).replace(" ", "");
          return mu.equals(u) || (u.startsWith("°") && mu.startsWith("°")) || (u.equals("c") && mu.equals("°c"));
        }).toList();
    return hits.size() == 1 ? hits.get(0) : null;
  }

  static List<String> names(List<Measure> measures) {
    return measures.stream().map(Measure::displayName).limit(3).toList();
  }

  static String fmt(double v) {
    return Verbalizer.number(v);
  }
}
