package io.datagent.evaluation.mlflow;

import io.datagent.agent.AgentConfig;
import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The params of an evaluation run: the prompt version that answered (from the answers; {@code ninguna} when no model
 * answered), the model ({@code sin-modelo} without one), the semantic-model version, the commit and the benchmark,
 * and the judges' model and prompt versions ({@link EvalReport#judgeParams()}).
 */
public final class EvalParams {

  private EvalParams() {}

  public static Map<String, String> of(AgentConfig config, EvalReport report, String benchmark) {
    return of(config, report, benchmark, System.getProperty("datagent.commit", "desconocido"), "derivado");
  }

  public static Map<String, String> of(AgentConfig config, EvalReport report, String benchmark, String commit,
      String semanticModelVersion) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("prompt_version", report.results().stream().map(Evaluation.Result::promptVersion).filter(Objects::nonNull)
        .map(String::valueOf).findFirst().orElse("ninguna"));
    p.put("model", config.llm() == null ? "sin-modelo" : String.valueOf(config.llm().model()));
    p.put("semantic_model_version", semanticModelVersion);
    p.put("commit", commit);
    p.put("benchmark", benchmark.length() > 250 ? benchmark.substring(benchmark.length() - 250) : benchmark);
    p.put("questions", String.valueOf(report.results().size()));
    p.putAll(report.judgeParams());
    return p;
  }
}
