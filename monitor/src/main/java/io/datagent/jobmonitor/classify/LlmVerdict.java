package io.datagent.jobmonitor.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LLM's answer, validated: a known category and severity, a root cause and recommendation of sane length,
 * suggested parameters as short single-line values, and a confidence in 0..1. Anything else is refused with the
 * reason ({@link IllegalArgumentException}), and the classifier falls back to {@code unknown}.
 */
public record LlmVerdict(Category category, Severity severity, String rootCause, String recommendation,
    Map<String, String> suggestedParameters, double confidence) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static LlmVerdict parse(String content) {
    if (content == null || content.isBlank()) {
      throw new IllegalArgumentException("respuesta vacía");
    }
    int start = content.indexOf('{');
    int end = content.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("la respuesta no contiene un objeto JSON");
    }
    JsonNode n;
    try {
      n = JSON.readTree(content.substring(start, end + 1));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("JSON inválido: " + e.getOriginalMessage());
    }
    Category category = Category.parse(text(n, "category", 40));
    Severity severity = n.hasNonNull("severity") ? Severity.parse(text(n, "severity", 20)) : Severity.MEDIUM;
    String root = text(n, "root_cause", 1_000);
    String rec = n.hasNonNull("recommendation") ? text(n, "recommendation", 1_000) : "";
    double confidence = 0.6;
    if (n.hasNonNull("confidence")) {
      if (!n.get("confidence").isNumber() || n.get("confidence").asDouble() < 0 || n.get("confidence").asDouble() > 1) {
        throw new IllegalArgumentException("confidence debe ser un número entre 0 y 1");
      }
      confidence = n.get("confidence").asDouble();
    }
    if (n.hasNonNull("action")) {
      String a = text(n, "action", 40);
      try {
        io.datagent.jobmonitor.act.Action.valueOf(a.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + a + "' no es una acción; use una de "
            + java.util.Arrays.toString(io.datagent.jobmonitor.act.Action.values()));
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode p = n.get("suggested_parameters");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw new IllegalArgumentException("suggested_parameters debe ser un objeto");
      }
      Iterator<Map.Entry<String, JsonNode>> it = p.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String v = e.getValue().asText();
        if (!e.getValue().isValueNode() || v.length() > 100 || v.contains("\n") || !e.getKey().matches("[A-Za-z0-9_.-]{1,64}")) {
          throw new IllegalArgumentException("parámetro sugerido no válido: " + e.getKey());
        }
        params.put(e.getKey(), v);
      }
    }
    return new LlmVerdict(category, severity, root, rec, params, confidence);
  }

  private static String text(JsonNode n, String key, int max) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException("falta el campo de texto '" + key + "'");
    }
    if (v.asText().length() > max) {
      throw new IllegalArgumentException("el campo '" + key + "' supera " + max + " caracteres");
    }
    return v.asText().strip();
  }
}
