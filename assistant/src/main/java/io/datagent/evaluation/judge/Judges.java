package io.datagent.evaluation.judge;

import dev.langchain4j.exception.NonRetriableException;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.llm.Completion;
import io.datagent.agent.llm.LlmConfig;
import java.time.Duration;

/**
 * LLM judges of an agent's free-text answers: groundedness (every figure and claim is in the SQL, rows and sources
 * the answer rests on) and relevance (it answers what was asked), each a 1-5 score and a short rationale read
 * strictly from a JSON reply ({@link JudgeReply}), with the judge prompt's version ({@link JudgePrompt}).
 *
 * <p>Judges run only with a model ({@link #DISABLED} otherwise: every answer is reported as not judged, never as
 * zero) and only on answers with free text, the model's own prose ({@link #freeText}); compiled, trusted,
 * extractive and refused answers are templates or quotes and are not judged. A call that fails with a 429, a 5xx or
 * a timeout is sent again after a back-off, up to {@link Retry#maxRetries} times; then the verdict is
 * {@link Verdict.Status#FAILED} with the reason.
 */
public final class Judges {

  /** The judge's chat model: one request, the reply and its tokens (or an exception). */
  public interface Model {
    Completion.Reply complete(String system, String user);

    String name();
  }

  /** How often a failed judge call is sent again, and the first wait (each next one is 1.5 times longer). */
  public record Retry(int maxRetries, Duration firstBackoff) {
    public static final Retry DEFAULT = new Retry(2, Duration.ofSeconds(1));

    public Retry {
      if (maxRetries < 0 || firstBackoff.isNegative()) {
        throw new IllegalArgumentException("reintentos del juez: maxRetries >= 0 y espera no negativa");
      }
    }
  }

  /** No model: nothing is judged. */
  public static final Judges DISABLED = new Judges(null, null, null, Retry.DEFAULT);

  private final Model model;
  private final JudgePrompt groundedness;
  private final JudgePrompt relevance;
  private final Retry retry;

  public Judges(Model model, JudgePrompt groundedness, JudgePrompt relevance, Retry retry) {
    this.model = model;
    this.groundedness = groundedness;
    this.relevance = relevance;
    this.retry = retry;
  }

  /**
   * The judges of an evaluation: none without a model ({@code llm} null); else on {@code llm}'s server with
   * {@code judgeModel} when given (DATAGENT_JUDGE_MODEL: another model or serving endpoint than the agent's), their
   * prompts from {@code registry} beside the agent's prompt {@code systemPromptName} (seeded from the bundled files),
   * or the bundled files when {@code registry} is null.
   */
  public static Judges of(LlmConfig llm, String judgeModel, io.datagent.agent.prompt.registry.PromptRegistry registry,
      String systemPromptName, io.datagent.agent.prompt.registry.AliasAudit audit) {
    if (llm == null) {
      return DISABLED;
    }
    LlmConfig j = judgeModel == null || judgeModel.isBlank() ? llm
        : new LlmConfig(llm.baseUrl(), judgeModel.strip(), llm.apiKey(), llm.databricks(), llm.timeout(), 0, llm.temperature());
    return new Judges(model(j), prompt(JudgePrompt.Kind.GROUNDEDNESS, registry, systemPromptName, audit),
        prompt(JudgePrompt.Kind.RELEVANCE, registry, systemPromptName, audit), Retry.DEFAULT);
  }

  private static JudgePrompt prompt(JudgePrompt.Kind kind, io.datagent.agent.prompt.registry.PromptRegistry registry,
      String beside, io.datagent.agent.prompt.registry.AliasAudit audit) {
    return registry == null ? JudgePrompt.bundled(kind) : JudgePrompt.fromRegistry(registry, kind.nameBeside(beside), kind, audit);
  }

  /**
   * The judge model of an {@link LlmConfig}, with no retries of its own (the judges retry). The temperature is the
   * agent's (some models refuse any but their default, and what the agent can send the judge can).
   */
  public static Model model(LlmConfig llm) {
    Completion c = Completion.of(new LlmConfig(llm.baseUrl(), llm.model(), llm.apiKey(), llm.databricks(), llm.timeout(),
        0, llm.temperature()));
    return new Model() {
      @Override
      public Completion.Reply complete(String system, String user) {
        return c.complete(system, user);
      }

      @Override
      public String name() {
        return c.modelName();
      }
    };
  }

  public boolean enabled() {
    return model != null;
  }

  /** An answer the model wrote in its own words (mode {@code llm}, non-blank text). */
  public static boolean freeText(AgentAnswer a) {
    return AgentAnswer.LLM.equals(a.mode()) && a.answer() != null && !a.answer().isBlank();
  }

  /** Both verdicts on {@code answer}, or not run (no model, or no free text). */
  public Judgment judge(String question, AgentAnswer answer) {
    if (!enabled()) {
      return Judgment.NOT_RUN;
    }
    if (!freeText(answer)) {
      return Judgment.notRun("respuesta sin texto libre (modo " + answer.mode() + ")");
    }
    String user = JudgeCase.of(question, answer);
    return new Judgment(ask(groundedness, user), ask(relevance, user), model.name(), 0);
  }

  private Verdict ask(JudgePrompt prompt, String user) {
    RuntimeException last = null;
    int attempts = 0;
    for (int attempt = 0; attempt <= retry.maxRetries(); attempt++) {
      attempts++;
      if (attempt > 0) {
        sleep((long) (retry.firstBackoff().toMillis() * Math.pow(1.5, attempt - 1)));
      }
      try {
        Completion.Reply r = model.complete(prompt.text(), user);
        return JudgeReply.parse(r.text(), prompt.version(), r.promptTokens(), r.completionTokens());
      } catch (RuntimeException e) {
        last = e;
        if (!retriable(e)) {
          break;
        }
      }
    }
    int status = Completion.status(last);
    return new Verdict(Verdict.Status.FAILED, null, Verdict.Status.FAILED.label() + ": "
        + (status > 0 ? "HTTP " + status : last.getClass().getSimpleName()) + " tras " + attempts
        + (attempts == 1 ? " intento" : " intentos"), prompt.version(), 0, 0);
  }

  /** Throttling, server errors, timeouts and broken connections are worth another try; refusals are not. */
  private static boolean retriable(RuntimeException e) {
    int status = Completion.status(e);
    if (status == 408 || status == 429 || status >= 500) {
      return true;
    }
    return status == 0 && !(e instanceof NonRetriableException);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrumpido esperando al juez", e);
    }
  }

  /** The versions of the two judge prompts, or null when disabled. */
  public String groundednessPrompt() {
    return groundedness == null ? null : groundedness.version();
  }

  public String relevancePrompt() {
    return relevance == null ? null : relevance.version();
  }

  public String modelName() {
    return model == null ? null : model.name();
  }
}
