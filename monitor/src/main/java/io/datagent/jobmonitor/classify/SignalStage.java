package io.datagent.jobmonitor.classify;

import io.datagent.jobmonitor.classify.SignalCatalog.Signal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the whole failure text for signals of known taxonomies ({@link SignalCatalog}): exception types (Java, Scala,
 * Python), exception packages, Databricks termination codes and cluster termination reasons, cloud capacity, quota and
 * throttling codes, HTTP statuses and phrases that name a kind of failure. Every signal found is weighed: its own
 * specificity first, then a bonus when it sits on a {@code Caused by:} line (the root cause, not the wrapper), then a
 * little for coming later in the text (deeper in the chain), and for agreeing with other signals. The strongest
 * signal decides, and the evidence says which one it was and what else was seen.
 */
public final class SignalStage implements TriageStage {

  public static final String NAME = Evidence.SIGNAL;

  private static final double CAUSE_BONUS = 0.04;
  private static final double DEPTH_BONUS = 0.01;
  private static final double AGREE_BONUS = 0.02;
  private static final double TYPED_BONUS = 0.015;
  private static final double MAX_CONFIDENCE = 0.97;

  private static final Pattern HTTP = Pattern.compile(
      "(?:status(?:[ _-]?code)?|http(?:/[0-9.]+)?|error[ _-]?code|http-code|statuscode|response)[\"'=:\\s]*\\(?([45]\\d\\d)\\b"
          + "|\\b([45]\\d\\d)\\)?[ :-]*(?:client error|server error|forbidden|unauthorized|too many requests"
          + "|service unavailable|bad gateway|gateway time-?out|internal server error|slow down|conflict|request timeout)"
          + "|\\(([45]\\d\\d)\\)|\\bhttp error ([45]\\d\\d)\\b");

  /** Phrases after which an HTTP status may be written; the status regex only runs when one of them is present. */
  private static final List<String> HTTP_HINTS = List.of("status", "http", "error_code", "error code", "response",
      "client error", "server error", "forbidden", "too many requests", "unavailable", "gateway", "(4", "(5");

  private static final Map<Category, String> NAMES = new EnumMap<>(Map.of(
      Category.TIMEOUT, "tiempo agotado", Category.RESOURCE, "falta de recursos (memoria, disco o capacidad)",
      Category.PERMISSION, "falta de permisos", Category.SYNTAX, "configuración, SQL o referencia incorrecta",
      Category.NETWORK, "red o servicio externo no disponible (transitorio)", Category.DATA, "datos de entrada",
      Category.CODE, "código o dependencias", Category.CONCURRENCY, "conflicto con otra escritura simultánea",
      Category.CANCELLED, "cancelación", Category.UNKNOWN, "un fallo sin causa concreta"));

  private static final Map<String, String> KINDS = Map.of("exc", "tipo de excepción", "pkg", "familia de excepciones",
      "code", "código de error de la plataforma", "http", "código HTTP", "text", "mensaje", "pair", "mensaje");

  private final SignalCatalog catalog;
  private final PhraseMatcher matcher;
  private final int phraseCount;
  private final int pairStart;
  private final TokenFilter filter;

  public SignalStage(SignalCatalog catalog) {
    this.catalog = catalog;
    List<String> all = new ArrayList<>();
    catalog.phrases().forEach(s -> all.add(s.pattern()));
    phraseCount = all.size();
    pairStart = all.size();
    catalog.pairs().forEach(s -> all.add(s.pattern().substring(s.pattern().indexOf('|') + 1)));
    all.addAll(HTTP_HINTS);
    matcher = new PhraseMatcher(all);
    filter = new TokenFilter(catalog.tokenNames());
  }

  @Override
  public String name() {
    return NAME;
  }

  /** One signal found in the text, with where it was. */
  private record Hit(Signal signal, String ref, int at, boolean cause, double score) {}

  @Override
  public Candidate classify(FailureText f) {
    String text = f.text();
    String lower = f.lower();
    int len = Math.max(1, text.length());
    List<Hit> hits = new ArrayList<>(8);
    tokens(text, lower, len, hits);
    boolean[] httpHint = {false};
    int pairEnd = pairStart + catalog.pairs().size();
    matcher.scan(lower, (p, end) -> {
      if (p < phraseCount) {
        Signal s = catalog.phrases().get(p);
        add(hits, s, s.pattern(), end - s.pattern().length(), lower, len);
      } else if (p < pairEnd) {
        Signal s = catalog.pairs().get(p - pairStart);
        String first = s.pattern().substring(0, s.pattern().indexOf('|'));
        String second = s.pattern().substring(first.length() + 1);
        int start = end - second.length();
        int lineStart = lower.lastIndexOf('\n', start - 1) + 1;
        int at = lower.indexOf(first, lineStart);
        if (at >= 0 && at < start) {
          add(hits, s, first.strip() + " … " + second, at, lower, len);
        }
      } else {
        httpHint[0] = true;
      }
    });
    if (httpHint[0]) {
      Matcher m = HTTP.matcher(lower);
      while (m.find()) {
        String g = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
            : m.group(3) != null ? m.group(3) : m.group(4);
        Signal s = catalog.http(Integer.parseInt(g));
        if (s != null) {
          add(hits, s, "HTTP " + g, m.start(), lower, len);
        }
      }
    }
    if (hits.isEmpty()) {
      return null;
    }
    Hit best = null;
    Map<Category, Integer> votes = new EnumMap<>(Category.class);
    for (Hit h : hits) {
      votes.merge(h.signal().category(), 1, Integer::sum);
      if (best == null || h.score() > best.score()) {
        best = h;
      }
    }
    Category cat = best.signal().category();
    double confidence = best.signal().weight() + (best.cause() ? CAUSE_BONUS : 0)
        + (cat != Category.UNKNOWN && votes.get(cat) > 1 ? AGREE_BONUS : 0);
    confidence = Math.min(MAX_CONFIDENCE, confidence);
    String kind = KINDS.getOrDefault(best.signal().kind(), best.signal().kind());
    String detail = kind + (best.cause() ? ", en la causa raíz (Caused by)" : "") + others(hits, best);
    String explanation = "Señal decisiva: «" + best.ref() + "» (" + kind
        + (best.cause() ? " en la causa raíz" : "") + "), que indica " + NAMES.get(cat) + ".";
    return new Candidate(cat, confidence, null, new Evidence(NAME, best.ref(), detail), explanation);
  }

  /**
   * Exception types and error codes: whole tokens of letters, digits, '_', '.', '$'. A token is looked up by its
   * simple name (after the last '.' or '$') only when a cheap length/first/last-character filter says the catalogue
   * may have it, so stack frames cost no allocation; a fully-qualified name can refine the simple one
   * ({@code java.text.ParseException} is data, a Spark {@code ParseException} is SQL).
   */
  private void tokens(String text, String lower, int len, List<Hit> hits) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!tokenChar(c)) {
        i++;
        continue;
      }
      int start = i;
      boolean upper = false;
      int lastSep = -1;
      while (i < n && tokenChar(c = text.charAt(i))) {
        if (c >= 'A' && c <= 'Z') {
          upper = true;
        } else if (c == '.' || c == '$') {
          if (i < n - 1 && tokenChar(text.charAt(i + 1)) && text.charAt(i + 1) != '.') {
            lastSep = i;
          }
        }
        i++;
      }
      int end = i;
      while (end > start && text.charAt(end - 1) == '.') {
        end--;
      }
      if (!upper || end - start < 4) {
        continue;
      }
      int simple = lastSep >= start && lastSep < end - 1 ? lastSep + 1 : start;
      Signal s = null;
      String ref = null;
      if (filter.mayContain(text, simple, end)) {
        ref = text.substring(simple, end);
        s = catalog.token(ref);
        if (simple > start) {
          String full = text.substring(start, end);
          Signal exact = catalog.token(full);
          if (exact != null || s != null) {
            s = exact != null ? exact : s;
            ref = full;
          }
        }
      }
      boolean subtype = false;
      if (s == null) {
        // a vendor's subclass named after its base type (RapidsShuffleFetchFailedException → FetchFailedException)
        for (int k = simple + 1; k < end - 8 && s == null; k++) {
          char ch = text.charAt(k);
          if (ch >= 'A' && ch <= 'Z' && Character.isLowerCase(text.charAt(k - 1)) && filter.mayContain(text, k, end)) {
            Signal base = catalog.token(text.substring(k, end));
            if (base != null && base.kind().equals("exc")) {
              s = base;
              ref = text.substring(simple, end) + " (subtipo de " + base.pattern() + ")";
              subtype = true;
            }
          }
        }
      }
      if (s == null && simple > start) {
        char f = text.charAt(start);
        if (f == 'j' || f == 'i') {
          for (Signal p : catalog.packages()) {
            if (text.startsWith(p.pattern(), start)) {
              s = p;
              ref = text.substring(start, end);
              break;
            }
          }
        }
      }
      if (s != null) {
        add(hits, subtype ? weaker(s) : s, ref, start, lower, len);
      }
    }
  }

  /** A subtype named after a known type says a little less than the type itself. */
  private static Signal weaker(Signal s) {
    return new Signal(s.kind(), s.pattern(), s.category(), Math.max(0, s.weight() - 0.05));
  }

  /** Length, first and last character of every exception type and error code: rules most tokens out for free. */
  private static final class TokenFilter {
    private final java.util.BitSet keys = new java.util.BitSet();

    TokenFilter(Iterable<String> names) {
      for (String name : names) {
        int dot = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        String simple = name.substring(dot + 1);
        keys.set(key(simple.length(), simple.charAt(0), simple.charAt(simple.length() - 1)));
      }
    }

    boolean mayContain(String text, int start, int end) {
      return keys.get(key(end - start, text.charAt(start), text.charAt(end - 1)));
    }

    private static int key(int length, char first, char last) {
      return (Math.min(length, 127) << 14) | ((first & 0x7f) << 7) | (last & 0x7f);
    }
  }

  private static boolean tokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
        || c == '$';
  }

  private static void add(List<Hit> hits, Signal s, String ref, int at, String lower, int len) {
    boolean cause = causeLine(lower, at);
    // a type or code names the failure more precisely than a phrase with the same weight
    double typed = s.kind().equals("exc") || s.kind().equals("code") ? TYPED_BONUS : 0;
    double score = s.weight() + (cause ? CAUSE_BONUS : 0) + DEPTH_BONUS * at / len + typed;
    hits.add(new Hit(s, ref, at, cause, score));
  }

  /** Whether {@code at} is on a line that starts (after indentation and quoting) with "Caused by" or "Cause:". */
  private static boolean causeLine(String lower, int at) {
    int i = lower.lastIndexOf('\n', at - 1) + 1;
    while (i < at && " \t>|".indexOf(lower.charAt(i)) >= 0) {
      i++;
    }
    return lower.startsWith("caused by", i) || lower.startsWith("cause:", i);
  }

  private static String others(List<Hit> hits, Hit best) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (Hit h : hits) {
      if (h == best || h.signal().category() == Category.UNKNOWN || h.ref().equals(best.ref()) || shown >= 3) {
        continue;
      }
      sb.append(shown == 0 ? "; otras señales: " : ", ").append(h.ref()).append(" → ")
          .append(h.signal().category().id().toLowerCase(Locale.ROOT));
      shown++;
    }
    return sb.toString();
  }
}
