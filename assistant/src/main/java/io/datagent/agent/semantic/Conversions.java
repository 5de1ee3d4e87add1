package io.datagent.agent.semantic;

import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a question asks to do with the number once computed, beyond {@link Comparisons}' stated arithmetic: convert
 * it to another scale of its unit ("en GW" for a measure in MW, "en millones de m3" for one in miles de m3, with or
 * without the stated "dividido por 1000", which must then agree), read unit definitions as explanations
 * ("(1 GW = 1000 MW)"), and divide by another measure ("dividida por INDUSTRIAS total").
 */
final class Conversions {

  /** The unit phrases of a question and the tokens they and unit definitions use. */
  record Read(List<UnitScale.Phrase> phrases, List<Definition> definitions, Set<Integer> tokens) {}

  /** "1 GW = 1000 MW": {@code a} of the left unit is {@code b} of the right one. */
  record Definition(double a, UnitScale.Phrase left, double b, UnitScale.Phrase right, int start, int end) {}

  private static final Set<String> DIVIDE = Set.of("dividido", "dividida", "divididos", "divididas", "dividir", "divide");

  private Conversions() {}

  /** Unit phrases not already used, except a measure's own one-word unit, which names the measure ("¿cuántos MW?"). */
  static Read read(List<Token> t, Set<Integer> used, SemanticModel m) {
    Set<String> unitWords = new HashSet<>();
    m.measures().forEach(x -> {
      String u = ModelIndex.unitWord(x);
      if (u != null) {
        unitWords.add(u);
      }
    });
    List<UnitScale.Phrase> phrases = new ArrayList<>();
    for (UnitScale.Phrase p : UnitScale.phrases(t)) {
      boolean free = true;
      for (int i = p.start(); i <= p.end(); i++) {
        free &= !used.contains(i);
      }
      if (free && !(p.start() == p.end() && unitWords.contains(t.get(p.start()).stem()))) {
        phrases.add(p);
      }
    }
    List<Definition> defs = new ArrayList<>();
    Set<Integer> tokens = new HashSet<>();
    for (UnitScale.Phrase p : UnitScale.phrases(t)) {
      int n = p.start() - 1;
      int eq = p.end() + 1;
      if (n >= 0 && t.get(n).numeric() && eq + 2 < t.size() && t.get(eq).is("=") && t.get(eq + 1).numeric()) {
        UnitScale.Phrase right = UnitScale.phrases(t.subList(0, t.size())).stream().filter(r -> r.start() == eq + 2).findFirst().orElse(null);
        if (right != null) {
          defs.add(new Definition(t.get(n).number(), p, t.get(eq + 1).number(), right, n, right.end()));
        }
      }
    }
    phrases.forEach(p -> mark(tokens, p.start(), p.end()));
    defs.forEach(d -> mark(tokens, d.start(), d.end()));
    return new Read(phrases, defs, tokens);
  }

  /** The measure named right after "dividido por" / "dividida entre", removed from {@code mentions}; its marker words go to {@code used}. */
  static Mention divisor(List<Token> t, List<Mention> mentions, Set<Integer> used) {
    for (Mention x : mentions) {
      int i = x.start() - 1;
      while (i >= 0 && t.get(i).is("el", "la", "los", "las", "total", "suma")) {
        i--;
      }
      if (x.kind() == Mention.Kind.MEASURE && !x.measure().rowCount() && i >= 1 && t.get(i).is("por", "entre")
          && DIVIDE.contains(t.get(i - 1).folded())) {
        mentions.remove(x);
        used.add(i);
        used.add(i - 1);
        return x;
      }
    }
    return null;
  }

  /** The plan with the conversion and division applied; the tokens they explain go to {@code used}. */
  static Compilation apply(Compilation c, Read r, Mention divisor, List<Token> t, Slots s, Set<Integer> used) {
    if (!c.ok() || r.phrases().isEmpty() && r.definitions().isEmpty() && divisor == null) {
      return c;
    }
    Plan p = c.plan();
    Plan.Target first = p.targets().get(0);
    List<Measure> named = new ArrayList<>(p.targets().stream().map(Plan.Target::measure).toList());
    p.filters().stream().filter(f -> f.measure() != null).forEach(f -> named.add(f.measure()));
    UnitScale.Unit own = UnitScale.of(first.measure());
    UnitScale.Phrase to = null;
    for (UnitScale.Phrase ph : r.phrases()) {
      boolean restated = named.stream().anyMatch(x -> {
        UnitScale.Unit u = UnitScale.of(x);
        return u != null && u.base().equals(ph.unit().base()) && same(u.scale(), ph.unit().scale());
      });
      if (restated) {
        mark(used, ph.start(), ph.end());
      } else if (own != null && own.base().equals(ph.unit().base()) && p.change() == null && p.share() == null) {
        if (to != null && !same(to.unit().scale(), ph.unit().scale())) {
          return Compilation.unclear("La pregunta pide dos unidades distintas (" + to.unit().label() + " y "
              + ph.unit().label() + ").", List.of(), c.score() * 0.5);
        }
        to = ph;
        mark(used, ph.start(), ph.end());
      }
    }
    for (Definition d : r.definitions()) {
      if (d.left().unit().base().equals(d.right().unit().base())
          && same(d.a() * d.left().unit().scale(), d.b() * d.right().unit().scale())) {
        mark(used, d.start(), d.end());
      }
    }
    Plan.Arithmetic a = p.arithmetic();
    if (to != null) {
      double f = UnitScale.factor(own, to.unit());
      boolean stated = a != null && a.by() == null && (a.op() == '*' && same(a.operand(), f) || a.op() == '/' && same(1 / a.operand(), f));
      if (a != null && !stated) {
        return Compilation.unclear("Pasar de " + own.label() + " a " + to.unit().label() + " no es " + a.words() + ".",
            List.of(), c.score() * 0.5);
      }
      a = stated ? new Plan.Arithmetic(a.op(), a.operand(), a.words() + " (en " + to.unit().label() + ")", to.unit().label(), null)
          : new Plan.Arithmetic(f >= 1 ? '*' : '/', f >= 1 ? f : 1 / f, "en " + to.unit().label(), to.unit().label(), null);
    }
    if (divisor != null) {
      if (a != null) {
        return Compilation.unclear("No sé en qué orden aplicar las operaciones que pide la pregunta.", List.of(), c.score() * 0.5);
      }
      Aggregation agg = aggregationNear(t, divisor, s);
      Plan.Target by = new Plan.Target(divisor.measure(), agg, null, null);
      a = new Plan.Arithmetic('/', 0, "dividido por " + Describe.subject(by).toLowerCase(java.util.Locale.ROOT), "", by);
    }
    Plan q = new Plan(p.model(), p.targets(), p.filters(), p.times(), p.group(), p.ranking(), p.share(), p.change(), a, p.score());
    return Compilation.of(q);
  }

  /** The aggregation word right before or after the divisor ("INDUSTRIAS total", "el promedio de X"), else its default. */
  private static Aggregation aggregationNear(List<Token> t, Mention x, Slots s) {
    for (Slots.Agg a : s.aggregations) {
      if (a.index() == x.end() + 1 || a.index() == x.start() - 1 || a.index() == x.start() - 2 && t.get(x.start() - 1).is("de", "del")) {
        return a.aggregation();
      }
    }
    return x.measure().aggregation();
  }

  private static boolean same(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static void mark(Set<Integer> s, int from, int to) {
    for (int i = from; i <= to; i++) {
      s.add(i);
    }
  }
}
