package io.datagent.jobmonitor.classify;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 2: Spark and Delta error classes ({@code [DELTA_CONCURRENT_APPEND] ...}, {@code [TABLE_OR_VIEW_NOT_FOUND]
 * ...}) looked up in their own catalogues, mapped to a category by their SQLSTATE; a bare {@code SQLSTATE: 42501}
 * in the text counts too, a little less.
 */
public final class ErrorClassStage implements TriageStage {

  private static final Pattern CLASS = Pattern.compile("\\[([A-Z][A-Z0-9_]{2,}(?:\\.[A-Z][A-Z0-9_]*)*)]");
  private static final Pattern SQLSTATE = Pattern.compile("SQLSTATE[:=]?\\s*([0-9A-Z]{5})\\b");
  private static final int MAX_CLASSES = 12;

  /** SQL standard SQLSTATE classes, in Spanish, for the explanation. */
  private static final Map<String, String> CLASS_NAMES = Map.ofEntries(
      Map.entry("07", "error de SQL dinámico"), Map.entry("08", "error de conexión"),
      Map.entry("0A", "función no soportada"), Map.entry("0B", "inicio de transacción no válido"),
      Map.entry("21", "violación de cardinalidad"), Map.entry("22", "error en los datos"),
      Map.entry("23", "violación de restricción de integridad"), Map.entry("25", "estado de transacción no válido"),
      Map.entry("2B", "dependencias de privilegios"), Map.entry("2D", "fin de transacción no válido"),
      Map.entry("38", "error en rutina externa"), Map.entry("39", "error al invocar rutina externa"),
      Map.entry("40", "transacción revertida"), Map.entry("42", "error de sintaxis o de regla de acceso"),
      Map.entry("44", "violación de WITH CHECK OPTION"), Map.entry("46", "error de Java"),
      Map.entry("53", "recursos insuficientes"), Map.entry("54", "límite del programa excedido"),
      Map.entry("55", "objeto en estado no válido"), Map.entry("56", "error de SQL diverso"),
      Map.entry("57", "intervención del operador"), Map.entry("58", "error del sistema"),
      Map.entry("F0", "error de configuración"), Map.entry("HY", "error de la interfaz"),
      Map.entry("KD", "error de la fuente de datos"), Map.entry("XX", "error interno"));

  private final ErrorCatalog catalog;
  private final ErrorClassMapping mapping;

  public ErrorClassStage(ErrorCatalog catalog, ErrorClassMapping mapping) {
    this.catalog = catalog;
    this.mapping = mapping;
  }

  @Override
  public String name() {
    return Evidence.ERROR_CLASS;
  }

  @Override
  public Candidate classify(FailureText f) {
    String text = f.text();
    Candidate best = null;
    if (text.indexOf('[') >= 0) {
      Matcher m = CLASS.matcher(text);
      for (int seen = 0; seen < MAX_CLASSES && m.find(); seen++) {
        Candidate c = byClass(m.group(1));
        if (c != null && (best == null || c.confidence() > best.confidence())) {
          best = c;
        }
      }
    }
    if (best == null && text.contains("SQLSTATE")) {
      Matcher m = SQLSTATE.matcher(text);
      if (m.find()) {
        CategoryScore s = mapping.bySqlState(m.group(1));
        if (s != null) {
          best = new Candidate(s.category(), s.confidence() * 0.9, s.severity(),
              new Evidence(name(), "SQLSTATE " + m.group(1), "sin clase de error reconocida"),
              "El error trae el SQLSTATE " + m.group(1) + " (" + className(m.group(1)) + ").");
        }
      }
    }
    return best;
  }

  private Candidate byClass(String name) {
    ErrorCatalog.Entry e = catalog.find(name);
    if (e == null) {
      return null;
    }
    String who = e.source().equals("delta") ? "Delta" : "Spark";
    CategoryScore s = mapping.errorClasses().get(name);
    s = s != null ? s : mapping.errorClasses().get(e.name());
    if (s != null) {
      return new Candidate(s.category(), s.confidence(), s.severity(),
          new Evidence(name(), name, e.sqlState() == null ? who : who + ", SQLSTATE " + e.sqlState()),
          who + " informó el error " + name + ".");
    }
    s = mapping.bySqlState(e.sqlState());
    if (s != null) {
      return new Candidate(s.category(), s.confidence(), s.severity(),
          new Evidence(name(), name, who + ", SQLSTATE " + e.sqlState()),
          who + " informó el error " + name + " (SQLSTATE " + e.sqlState() + ": " + className(e.sqlState()) + ").");
    }
    FailureText asText = new FailureText(Failure.ofText(e.name()));
    for (MatchRule k : mapping.nameKeywords()) {
      String hit = k.match(asText);
      if (hit != null) {
        return new Candidate(k.category(), k.confidence(), k.severity(),
            new Evidence(name(), name, who + ", sin SQLSTATE; nombre contiene «" + hit + "»"),
            who + " informó el error " + name + ".");
      }
    }
    return null;
  }

  private static String className(String sqlState) {
    return CLASS_NAMES.getOrDefault(sqlState.substring(0, 2), "clase " + sqlState.substring(0, 2));
  }
}
