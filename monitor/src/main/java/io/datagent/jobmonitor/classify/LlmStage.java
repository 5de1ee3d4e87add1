package io.datagent.jobmonitor.classify;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * Stage 4: asks an LLM, only when the rules gave no confident answer, for JSON (category, root cause,
 * recommendation, suggested parameters, severity) and validates it ({@link LlmVerdict}) before use. Its confidence
 * is capped: a model's guess never outranks a rule a person wrote.
 *
 * <p>Each question has a time budget: past it the call is abandoned and the rules' answer stands, with the evidence
 * saying so ({@code llm:tiempo-agotado}).
 *
 * <p>Takes LangChain4j's {@link ChatModel}: on Databricks the App passes the serving-endpoint model the assistant
 * already uses; without one, {@code DisabledChatModel} makes this stage report "LLM no disponible".
 */
public final class LlmStage {

  private static final int MAX_TEXT = 6_000;

  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(25);

  /** Daemon threads: a model that never answers must not keep the JVM alive. */
  private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "monitor-llm");
    t.setDaemon(true);
    return t;
  });

  private final ChatModel model;
  private final double maxConfidence;
  private final Duration budget;

  public LlmStage(ChatModel model, double maxConfidence) {
    this(model, maxConfidence, DEFAULT_BUDGET);
  }

  public LlmStage(ChatModel model, double maxConfidence, Duration budget) {
    this.model = model;
    this.maxConfidence = maxConfidence;
    this.budget = budget;
  }

  public Duration budget() {
    return budget;
  }

  public Candidate classify(FailureText f, List<Evidence> sofar) {
    String answer;
    Future<String> call = CALLS.submit(
        () -> model.chat(SystemMessage.from(system()), UserMessage.from(user(f, sofar))).aiMessage().text());
    try {
      answer = call.get(budget.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      return new Candidate(Category.UNKNOWN, 0, null, new Evidence(Evidence.LLM, "tiempo-agotado",
          "sin respuesta en " + budget.toMillis() + " ms; se mantiene la respuesta de las reglas"), null);
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      for (Throwable t = c; t != null; t = t.getCause()) {
        if (t instanceof java.net.http.HttpTimeoutException || t instanceof TimeoutException) {
          return new Candidate(Category.UNKNOWN, 0, null, new Evidence(Evidence.LLM, "tiempo-agotado",
              String.valueOf(c.getMessage()) + "; se mantiene la respuesta de las reglas"), null);
        }
      }
      return new Candidate(Category.UNKNOWN, 0, null,
          new Evidence(Evidence.LLM, "no-disponible", String.valueOf(c.getMessage())), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      return new Candidate(Category.UNKNOWN, 0, null, new Evidence(Evidence.LLM, "no-disponible", "interrumpido"), null);
    }
    try {
      LlmVerdict v = LlmVerdict.parse(answer);
      double c = Math.min(v.confidence(), maxConfidence);
      return new Candidate(v.category(), c, v.severity(),
          new Evidence(Evidence.LLM, "llm", "respuesta validada, confianza " + v.confidence()),
          "Según el modelo: " + v.rootCause(), v.rootCause(), v.recommendation(), v.suggestedParameters());
    } catch (IllegalArgumentException e) {
      return new Candidate(Category.UNKNOWN, 0, null,
          new Evidence(Evidence.LLM, "descartada", e.getMessage()), null);
    }
  }

  static String system() {
    return "Eres un ingeniero de datos de guardia. Clasificas fallos de jobs de Spark en Databricks. "
        + "Responde SOLO con un objeto JSON con estas claves: "
        + "\"category\" (una de " + Category.names() + "), "
        + "\"root_cause\" (causa probable, una o dos frases en español), "
        + "\"recommendation\" (qué debe hacer una persona, en español), "
        + "\"suggested_parameters\" (objeto parámetro→valor para reintentar, o {} si no aplica), "
        + "\"severity\" (low, medium, high o critical), \"confidence\" (número entre 0 y 1). "
        + "Opcional: \"action\" (una de " + java.util.Arrays.toString(io.datagent.jobmonitor.act.Action.values())
        + "), solo como sugerencia: la acción la decide la política del job.";
  }

  private static String user(FailureText f, List<Evidence> sofar) {
    Failure x = f.failure();
    StringBuilder sb = new StringBuilder();
    if (x.terminationCode() != null) {
      sb.append("Código de terminación: ").append(x.terminationCode()).append('\n');
    }
    if (!sofar.isEmpty()) {
      sb.append("Indicios de las reglas (no concluyentes): ").append(sofar).append('\n');
    }
    String t = f.text();
    sb.append("Texto del fallo:\n").append(t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t);
    return sb.toString();
  }
}
