package io.datagent.evaluation.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's reply as the strict JSON its prompt asks for: one object with exactly {@code score} (an integer
 * from 1 to 5, not a string) and {@code rationale} (non-empty text), nothing before or after it. The one leniency is
 * a single Markdown code fence around the object, which chat models add out of habit. Anything else is
 * {@link Verdict.Status#INVALID} ("juez sin respuesta válida"), with what was wrong, and never counts as a pass.
 */
final class JudgeReply {

  static final int MAX_RATIONALE = 400;
  private static final Set<String> FIELDS = Set.of("score", "rationale");
  private static final Pattern FENCE = Pattern.compile("(?s)^```(?:json)?\\s*(.*?)\\s*```$");
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private JudgeReply() {}

  static Verdict parse(String reply, String prompt, int promptTokens, int completionTokens) {
    String problem = problem(reply);
    if (problem != null) {
      return new Verdict(Verdict.Status.INVALID, null, Verdict.Status.INVALID.label() + ": " + problem + " (respuesta: «"
          + excerpt(reply) + "»)", prompt, promptTokens, completionTokens);
    }
    JsonNode node = read(reply);
    String rationale = node.get("rationale").asText().strip();
    if (rationale.length() > MAX_RATIONALE) {
      rationale = rationale.substring(0, MAX_RATIONALE) + "…";
    }
    return new Verdict(Verdict.Status.JUDGED, node.get("score").intValue(), rationale, prompt, promptTokens,
        completionTokens);
  }

  /** What makes the reply not a verdict, or null when it is one. */
  private static String problem(String reply) {
    if (reply == null || reply.isBlank()) {
      return "respuesta vacía";
    }
    JsonNode node;
    try {
      node = read(reply);
    } catch (IllegalArgumentException e) {
      return "no es un JSON válido";
    }
    if (!node.isObject()) {
      return "no es un objeto JSON";
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        return "campo inesperado «" + f + "»";
      }
    }
    JsonNode score = node.get("score");
    if (score == null || !score.isIntegralNumber() || score.intValue() < 1 || score.intValue() > 5
        || !score.canConvertToInt()) {
      return "«score» debe ser un entero de 1 a 5";
    }
    JsonNode rationale = node.get("rationale");
    if (rationale == null || !rationale.isTextual() || rationale.asText().isBlank()) {
      return "falta «rationale»";
    }
    return null;
  }

  private static JsonNode read(String reply) {
    String text = reply.strip();
    Matcher fence = FENCE.matcher(text);
    if (fence.matches()) {
      text = fence.group(1);
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String excerpt(String reply) {
    String s = reply == null ? "" : reply.strip().replaceAll("\\s+", " ");
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
