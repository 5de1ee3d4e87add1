package io.datagent.jobmonitor.config;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.DisabledChatModel;
import io.datagent.jobmonitor.classify.ErrorCatalog;
import io.datagent.jobmonitor.classify.ErrorClassStage;
import io.datagent.jobmonitor.classify.LlmStage;
import io.datagent.jobmonitor.classify.MonitorChatModels;
import io.datagent.jobmonitor.classify.RuleStage;
import io.datagent.jobmonitor.classify.SignalCatalog;
import io.datagent.jobmonitor.classify.SignalStage;
import io.datagent.jobmonitor.classify.TerminationStage;
import io.datagent.jobmonitor.classify.TriageClassifier;
import java.time.Duration;
import java.util.List;

/** Builds the {@link TriageClassifier} a configuration describes: termination, error classes, signals, rules, then the LLM. */
public final class Classifiers {

  /** Read once: the signal tables are part of the code, not of the per-deployment configuration. */
  private static final SignalCatalog SIGNALS = SignalCatalog.load();

  private Classifiers() {}

  /** Rules only: no model is asked (the default of {@code ./agent triage} and the benchmark). */
  public static TriageClassifier rulesOnly(MonitorConfig cfg, ErrorCatalog catalog) {
    return create(cfg, catalog, new DisabledChatModel());
  }

  /** @param model a {@link DisabledChatModel} for rules only */
  public static TriageClassifier create(MonitorConfig cfg, ErrorCatalog catalog, ChatModel model) {
    return create(cfg, catalog, model, LlmStage.DEFAULT_BUDGET);
  }

  /** @param budget how long the LLM may take for one failure before the rules' answer is kept */
  public static TriageClassifier create(MonitorConfig cfg, ErrorCatalog catalog, ChatModel model, Duration budget) {
    if (model == null) {
      throw new IllegalArgumentException("Classifiers: model is null; pass new DisabledChatModel() for rules only");
    }
    return new TriageClassifier(List.of(new TerminationStage(cfg.termination()),
        new ErrorClassStage(catalog, cfg.errorClasses()), new SignalStage(SIGNALS), new RuleStage(cfg.rules())),
        MonitorChatModels.enabled(model) ? new LlmStage(model, cfg.llmMaxConfidence(), budget) : null, cfg.confidentAt(),
        cfg.categories());
  }
}
