package io.datagent.agent.semantic;

import io.datagent.semantic.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Units a question names to have a result converted ("en GW", "en millones de m3", "cuántos kW"): a base unit with a
 * scale (SI prefixes on W and Wh; "miles de" / "millones de" before any unit), read from the question and from a
 * measure's unit. A conversion is only offered between the same base unit.
 */
final class UnitScale {

  /** A unit: its base ("w", "wh", "m3", "pesos") and how many base units one of it is. */
  record Unit(String base, double scale, String label) {}

  /** A unit phrase of the question, tokens {@code start}..{@code end}. */
  record Phrase(Unit unit, int start, int end) {}

  private static final Map<Character, Double> PREFIX = Map.of('k', 1e3, 'm', 1e6, 'g', 1e9, 't', 1e12);
  private static final Set<String> POWER = Set.of("w", "wh");
  private static final Map<String, Double> SCALE = Map.of("miles", 1e3, "millones", 1e6, "miles de millones", 1e9);

  private UnitScale() {}

  /** The unit written in {@code text} ("MW", "miles de m3", "°C"), or null when it is not one this class scales. */
  static Unit of(String text) {
    if (text == null) {
      return null;
    }
    List<Token> t = Text.tokens(text.replace("³", "3"));
    Phrase p = t.isEmpty() ? null : phrase(t, 0);
    return p != null && p.end() == t.size() - 1 ? p.unit() : null;
  }

  /** Every unit phrase of a question. */
  static List<Phrase> phrases(List<Token> t) {
    List<Phrase> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      Phrase p = phrase(t, i);
      if (p != null) {
        out.add(p);
        i = p.end();
      }
    }
    return out;
  }

  private static Phrase phrase(List<Token> t, int i) {
    String w = t.get(i).folded();
    double scale = 1;
    int j = i;
    String scaleWords = "";
    if (w.equals("miles") || w.equals("millones")) {
      scale = SCALE.get(w);
      scaleWords = w;
      j = i + 1;
      if (w.equals("miles") && j + 1 < t.size() && t.get(j).is("de") && t.get(j + 1).is("millones")) {
        scale = 1e9;
        scaleWords = "miles de millones";
        j += 2;
      }
      if (j >= t.size() || !t.get(j).is("de")) {
        return null;
      }
      j++;
      if (j >= t.size()) {
        return null;
      }
    }
    Phrase base = base(t, j);
    if (base == null) {
      return null;
    }
    String label = (scaleWords.isEmpty() ? "" : scaleWords + " de ") + base.unit().label();
    return new Phrase(new Unit(base.unit().base(), scale * base.unit().scale(), label), i, base.end());
  }

  /** "GW", "kWh", "m3" (split by the tokenizer into "m", "3"), "m³". */
  private static Phrase base(List<Token> t, int j) {
    String raw = t.get(j).raw();
    String w = t.get(j).folded();
    if (w.equals("m") && j + 1 < t.size() && t.get(j + 1).is("3", "³")) {
      return new Phrase(new Unit("m3", 1, "m3"), j, j + 1);
    }
    if (w.equals("m3")) {
      return new Phrase(new Unit("m3", 1, "m3"), j, j);
    }
    if (POWER.contains(w)) {
      return new Phrase(new Unit(w, 1, raw), j, j);
    }
    if (w.length() >= 2 && PREFIX.containsKey(w.charAt(0)) && POWER.contains(w.substring(1))
        && (raw.charAt(0) == 'k' || Character.isUpperCase(raw.charAt(0)) || raw.equals(raw.toLowerCase()))) {
      return new Phrase(new Unit(w.substring(1), PREFIX.get(w.charAt(0)), raw), j, j);
    }
    return null;
  }

  /** The factor that turns a value in {@code from} into {@code to}, or null when they are not the same base unit. */
  static Double factor(Unit from, Unit to) {
    return from != null && to != null && from.base().equals(to.base()) ? from.scale() / to.scale() : null;
  }

  /** The measure's unit as this class reads it, or null. */
  static Unit of(Measure m) {
    return m == null || m.rowCount() ? null : of(m.unit());
  }
}
