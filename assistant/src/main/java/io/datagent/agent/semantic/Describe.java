package io.datagent.agent.semantic;

import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Spanish words for the parts of a {@link Plan}: "el total de potencia instalada", "con región CUYO", "en 2024". */
final class Describe {

  private Describe() {}

  /** "El total de potencia instalada", "El promedio de temperatura media GBA", "La cantidad de centrales". */
  static String subject(Plan.Target x) {
    if (x.distinctOf() != null) {
      return "La cantidad de valores distintos de " + label(x.distinctOf().displayName());
    }
    if (x.measure().rowCount()) {
      return "La " + label(x.measure().displayName());
    }
    String agg = switch (x.aggregation()) {
      case SUM -> "El total";
      case AVG -> "El promedio";
      case MAX -> "El máximo";
      case MIN -> "El mínimo";
      case COUNT -> "La cantidad";
    };
    String s = agg + " de " + label(x.measure().displayName());
    return x.minus() == null ? s : s + " menos " + label(x.minus().displayName());
  }

  /** A display name without its unit, in lower case unless it is a proper name or code. */
  static String label(String display) {
    String s = display.replaceAll("\\s*[\\[(][^\\])]*[\\])]", "").replaceAll("\\s*[°º]\\s*[CFK]\\b", "").strip();
    if (s.isEmpty()) {
      s = display;
    }
    boolean proper = s.length() > 1 && Character.isUpperCase(s.charAt(0)) && s.chars().skip(1).anyMatch(Character::isUpperCase);
    return proper || s.length() < 2 ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** ", con región CUYO, sin contar Buenos Aires, en julio de 2023" (empty when nothing filters). */
  static String context(Plan p) {
    List<String> parts = new ArrayList<>();
    for (Plan.Filter f : p.filters()) {
      parts.add(filter(f));
    }
    for (TimeSpec t : p.times()) {
      parts.add(when(t));
    }
    return parts.isEmpty() ? "" : " " + String.join(", ", parts);
  }

  static String filter(Plan.Filter f) {
    if (f.dimension() != null) {
      String values = String.join(" o ", f.values());
      return f.negated() ? "sin contar " + label(f.dimension().displayName()) + " = " + values
          : "con " + label(f.dimension().displayName()) + " = " + values;
    }
    String unit = f.measure().unit() == null ? "" : " " + f.measure().unit();
    String op = switch (f.op()) {
      case ">" -> "mayor que";
      case ">=" -> "de al menos";
      case "<" -> "menor que";
      case "<=" -> "de hasta";
      case "=" -> "igual a";
      default -> "entre";
    };
    String n = Verbalizer.number(f.number()) + (f.number2() == null ? "" : " y " + Verbalizer.number(f.number2()));
    return "con " + label(f.measure().displayName()) + " " + op + " " + n + unit;
  }

  static String when(TimeSpec t) {
    if (!t.recurring() && t.from().plusDays(1).equals(t.to())) {
      return "el " + t.label();
    }
    return t.label().startsWith("entre") ? t.label() : "en " + t.label();
  }

  static String share(Plan p) {
    if (p.share().part() != null) {
      return String.join(" o ", p.share().part().values());
    }
    return label(p.share().partMeasure().displayName());
  }

  static String groupName(Plan.Group g) {
    if (g.dimension() == null) {
      return g.grain();
    }
    if (g.dimension().kind() == Dimension.Kind.DATE) {
      return switch (g.grain() == null ? "dia" : g.grain()) {
        case "mes" -> "mes";
        case "ano" -> "año";
        default -> "día";
      };
    }
    return label(g.dimension().displayName());
  }

  /** "Entendí: total de potencia instalada (MW); filtros: …; agrupado por región; …" */
  static String understood(Plan p) {
    List<String> parts = new ArrayList<>();
    Plan.Target x = p.targets().get(0);
    String unit = x.measure().unit() == null || x.aggregation() == Aggregation.COUNT ? "" : " (" + x.measure().unit() + ")";
    String what = subject(x).toLowerCase(Locale.ROOT) + unit;
    for (int i = 1; i < p.targets().size(); i++) {
      what += " y " + subject(p.targets().get(i)).toLowerCase(Locale.ROOT);
    }
    parts.add(what + " de la tabla " + p.model().source());
    for (Plan.Filter f : p.filters()) {
      parts.add("filtro: " + filter(f));
    }
    for (TimeSpec t : p.times()) {
      parts.add("período: " + when(t));
    }
    if (p.change() != null) {
      parts.add("variación entre " + when(p.change().from()) + " y " + when(p.change().to()));
    }
    if (p.share() != null) {
      parts.add("porcentaje que representa " + share(p) + " sobre el total");
    }
    if (p.group() != null) {
      parts.add(p.group().average() ? "promedio de los totales de cada " + groupName(p.group())
          : "agrupado por " + groupName(p.group()));
    }
    if (p.ranking() != null) {
      parts.add((p.ranking().descending() ? "de mayor a menor" : "de menor a mayor") + ", los " + p.ranking().k() + " primeros");
    }
    if (p.arithmetic() != null) {
      parts.add("resultado " + p.arithmetic().words());
    }
    return "Entendí: " + String.join("; ", parts) + ".";
  }
}
