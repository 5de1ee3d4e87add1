package io.datagent.agent.semantic;

import java.util.List;
import java.util.Set;

/**
 * Comparisons with numbers ("más de 100 MW", "30 °C o más", "al menos 5", "por debajo de 10", "entre 10 y 20") and
 * the arithmetic the user states ("× 1000", "multiplicado por 3", "dividido por 12"), into {@link Slots}.
 */
final class Comparisons {

  private Comparisons() {}

  static void read(List<Token> t, Set<Integer> timeTokens, Slots s) {
    for (int i = 0; i < t.size(); i++) {
      Token n = t.get(i);
      if (!n.numeric() || timeTokens.contains(i) || s.used.contains(i)) {
        continue;
      }
      if (arithmetic(t, i, s)) {
        continue;
      }
      String op = null;
      // "superan los 500 MW": an article between the comparison and its number
      int o = i >= 2 && t.get(i - 1).is("los", "las", "el", "la", "un", "una") && (Lexicon.GT.contains(t.get(i - 2).folded())
          || Lexicon.LT.contains(t.get(i - 2).folded())) ? 1 : 0;
      int start = i - o;
      String p1 = i - o >= 1 ? t.get(i - o - 1).folded() : "";
      String p2 = i - o >= 2 ? t.get(i - o - 2).folded() : "";
      if (p1.equals("de") && (p2.equals("mas") || p2.equals("mayor") || p2.equals("encima") || p2.equals("arriba"))
          || (p1.equals("a") || p1.equals("que")) && (p2.equals("mayor") || p2.equals("superior"))
          || Lexicon.GT.contains(p1) || p1.equals(">")) {
        op = ">";
        start = i - o - (Lexicon.GT.contains(p1) || p1.equals(">") ? 1 : 2);
      } else if (p1.equals("de") && (p2.equals("menos") || p2.equals("menor") || p2.equals("debajo") || p2.equals("bajo"))
          || (p1.equals("a") || p1.equals("que")) && (p2.equals("menor") || p2.equals("inferior")) || p1.equals("<")) {
        op = "<";
        start = i - o - (p1.equals("<") || Lexicon.LT.contains(p1) ? 1 : 2);
      } else if (p1.equals("menos") && p2.equals("al") || p1.equals("minimo") && p2.equals("como")) {
        op = ">=";
        start = i - 2;
      } else if (p1.equals("maximo") && p2.equals("como") || p1.equals("hasta") && !p2.equals("desde")) {
        op = "<=";
        start = i - (p1.equals("hasta") ? 1 : 2);
      } else if (p1.equals("a") && p2.equals("igual") || p1.equals("exactamente")) {
        op = "=";
        start = i - (p1.equals("a") ? 2 : 1);
      } else if (p1.equals("entre") || p1.equals("de") && p2.equals("entre")) {
        int y = i + 1;
        while (y < t.size() && !t.get(y).is("y", "a")) {
          y++;
        }
        if (y + 1 < t.size() && t.get(y + 1).numeric() && !timeTokens.contains(y + 1)) {
          int end = unitEnd(t, y + 1);
          s.comparisons.add(new Slots.Compare(i - 1, end, "between", n.number(), t.get(y + 1).number(), unit(t, y + 1)));
          mark(s, i - 1, end);
          i = end;
          continue;
        }
      }
      int end = unitEnd(t, i);
      String unit = unit(t, i);
      if (end + 2 < t.size() + 1 && end + 1 < t.size() && t.get(end + 1).is("o") && end + 2 < t.size()) {
        String after = t.get(end + 2).folded();
        if (after.equals("mas") || after.equals("superior") || after.equals("mayor")) {
          op = ">=";
          end = end + 2;
        } else if (after.equals("menos") || after.equals("inferior") || after.equals("menor")) {
          op = "<=";
          end = end + 2;
        }
      }
      if (op != null) {
        s.comparisons.add(new Slots.Compare(Math.max(0, start), end, op, n.number(), null, unit));
        mark(s, Math.max(0, start), end);
        i = end;
      }
    }
  }

  private static boolean arithmetic(List<Token> t, int i, Slots s) {
    String p1 = i >= 1 ? t.get(i - 1).folded() : "";
    String p2 = i >= 2 ? t.get(i - 2).folded() : "";
    char op = 0;
    int start = i;
    boolean divide = p2.startsWith("dividid") || p2.equals("dividir") || p2.equals("dividirlo") || p2.equals("dividirla")
        || p2.equals("dividimos") || p2.equals("divide");
    boolean multiply = p2.startsWith("multiplicad") || p2.equals("multiplicar") || p2.equals("multiplica");
    if (p1.equals("×") || p1.equals("*") || p1.equals("x") || p1.equals("por") && multiply
        || p1.equals("por") && !divide && !p2.equals("mas") && !p2.equals("menos")) {
      op = '*';
      start = p1.equals("por") && multiply ? i - 2 : i - 1;
    } else if (p1.equals("/") || (p1.equals("por") || p1.equals("entre")) && divide) {
      op = '/';
      start = p1.equals("/") ? i - 1 : i - 2;
    }
    if (op == 0 || (op == '*' && i + 1 < t.size() && t.get(i + 1).is("ciento", "%"))) {
      return false;
    }
    String words = (op == '*' ? "multiplicado por " : "dividido por ") + t.get(i).raw();
    s.arithmetic = new Plan.Arithmetic(op, t.get(i).number(), words);
    mark(s, start, i);
    return true;
  }

  /** The index of the number's unit word(s) if any ("°", "c", "%", "mw"), else the number's own index. */
  private static int unitEnd(List<Token> t, int i) {
    int j = i + 1;
    if (j < t.size() && t.get(j).is("°")) {
      j++;
      if (j < t.size() && t.get(j).is("c", "f")) {
        return j;
      }
      return j - 1;
    }
    if (j < t.size() && (t.get(j).is("%") || isUnitWord(t.get(j).folded()))) {
      return j;
    }
    return i;
  }

  private static String unit(List<Token> t, int i) {
    int end = unitEnd(t, i);
    if (end == i) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int j = i + 1; j <= end; j++) {
      sb.append(t.get(j).folded());
    }
    return sb.toString();
  }

  private static final java.util.Set<String> UNIT_WORDS = java.util.Set.of("mw", "kw", "gw", "mwh", "kwh", "gwh", "m3",
      "km", "kg", "tn", "grados", "pesos", "usd", "dolares", "litros", "toneladas", "c");

  private static boolean isUnitWord(String w) {
    return UNIT_WORDS.contains(w);
  }

  private static void mark(Slots s, int from, int to) {
    for (int j = from; j <= to; j++) {
      s.used.add(j);
    }
  }
}
