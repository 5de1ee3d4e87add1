package io.datagent.agent;

import io.datagent.agent.catalog.CachedTableCatalog;
import io.datagent.agent.catalog.DatabricksTableCatalog;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.platform.Platform;
import io.datagent.agent.extractive.ExtractiveAgent;
import io.datagent.agent.llm.ChatModels;
import io.datagent.agent.llm.CompilerTool;
import io.datagent.agent.prompt.CardSource;
import io.datagent.agent.semantic.CompiledQuestions;
import io.datagent.agent.semantic.CompilerTuning;
import io.datagent.agent.llm.LlmAgent;
import io.datagent.agent.prompt.PromptBuilder;
import io.datagent.agent.prompt.PromptSource;
import io.datagent.agent.prompt.SystemPrompt;
import io.datagent.agent.semantic.SemanticAgent;
import io.datagent.agent.semantic.SemanticModelSource;
import io.datagent.agent.semantic.TableModels;
import io.datagent.agent.sql.DatabricksSqlExecutor;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.tool.Toolbox;
import io.datagent.agent.trusted.TrustedMatcher;
import io.datagent.agent.trusted.TrustedQueries;
import io.datagent.agent.trusted.TrustedQueryAgent;
import io.datagent.agent.trusted.ValueIndex;
import io.datagent.retrieval.Retriever;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Agent} a configuration asks for: {@link LlmAgent} (with the extractive fallback, the tables'
 * semantic cards and the question compiler as a tool) when a chat model is configured, else {@link SemanticAgent} (the question compiler, with {@link ExtractiveAgent} for what it
 * cannot read).
 *
 * <p>Two entry points: {@link #create} from the ports (the local runtime passes its Spark executor and catalog),
 * and {@link #databricks} for the App on Databricks, which builds the SQL warehouse executor and the
 * information_schema catalog from the environment too.
 */
public final class AgentFactory {

  static final String NO_MODEL_NOTICE = "Sin modelo de lenguaje configurado: respuesta extractiva (filas y descripciones "
      + "copiadas de los datos, sin cifras calculadas por un modelo).";

  private AgentFactory() {}

  static final String SEMANTIC_NOTICE = "Sin modelo de lenguaje configurado: la pregunta se interpretó con el modelo "
      + "semántico de la tabla y la cifra la calculó la base de datos con la SQL mostrada.";
  /** How long a table's semantic model (and its value index) is kept before it is profiled again. */
  static final Duration MODEL_TTL = Duration.ofMinutes(10);

  /** An agent over the given ports, with the bundled system prompt (or DATAGENT_SYSTEM_PROMPT's file). */
  public static Agent create(AgentConfig config, Retriever retriever, TableCatalog catalog, SqlExecutor executor) {
    return create(config, retriever, catalog, executor, null, SemanticModelSource.NONE);
  }

  /**
   * An agent over the given ports. With a chat model, its instructions come from {@code prompts} (a registry alias;
   * a DATAGENT_SYSTEM_PROMPT file still wins, a developer's override; null means the bundled file). Without one,
   * analytic questions are compiled against each table's semantic model ({@link SemanticAgent}), the YAML from
   * {@code semanticYaml} first.
   */
  public static Agent create(AgentConfig config, Retriever retriever, TableCatalog catalog, SqlExecutor executor,
      PromptSource prompts, SemanticModelSource semanticYaml) {
    return create(config, retriever, catalog, executor, prompts, semanticYaml, TrustedQueries.NONE);
  }

  /**
   * As {@link #create(AgentConfig, Retriever, TableCatalog, SqlExecutor, PromptSource, SemanticModelSource)}, with the
   * engineers' {@code trusted} queries matched first ({@link TrustedQueryAgent}); their text parameters are checked
   * against the tables' value index.
   */
  public static Agent create(AgentConfig config, Retriever retriever, TableCatalog catalog, SqlExecutor executor,
      PromptSource prompts, SemanticModelSource semanticYaml, TrustedQueries trusted) {
    return create(config, retriever, catalog, executor, prompts, semanticYaml, trusted, () -> CompilerTuning.DEFAULT);
  }

  /**
   * As {@link #create(AgentConfig, Retriever, TableCatalog, SqlExecutor, PromptSource, SemanticModelSource,
   * TrustedQueries)}, with the question compiler's thresholds and learned synonyms from {@code compiler}, asked on
   * every question (a promoted tuning applies from the next question its source returns it).
   */
  public static Agent create(AgentConfig config, Retriever retriever, TableCatalog catalog, SqlExecutor executor,
      PromptSource prompts, SemanticModelSource semanticYaml, TrustedQueries trusted,
      java.util.function.Supplier<CompilerTuning> compiler) {
    SqlGuard guard = new SqlGuard(config.sqlPolicy());
    Toolbox tools = new Toolbox(retriever, catalog, guard, executor, config.sqlTimeout(), config.maxSqlAttempts());
    QuestionCheck check = new QuestionCheck(config.maxQuestionChars(), guard);
    TableModels models = new TableModels(catalog, guard, executor, config.sqlTimeout(), semanticYaml, MODEL_TTL, compiler);
    Agent agent = agent(config, tools, check, models, catalog, prompts);
    if (trusted == null || trusted == TrustedQueries.NONE) {
      return agent;
    }
    ValueIndex values = table -> models.model(table).map(m -> m.dimensions().stream()
        .flatMap(d -> d.values().stream()).toList());
    return new TrustedQueryAgent(agent, trusted, new TrustedMatcher(values), tools, check);
  }

  private static Agent agent(AgentConfig config, Toolbox tools, QuestionCheck check, TableModels models,
      TableCatalog catalog, PromptSource prompts) {
    if (config.llm() == null) {
      return new SemanticAgent(tools, check, models, new ExtractiveAgent(tools, check, NO_MODEL_NOTICE), SEMANTIC_NOTICE,
          NO_MODEL_NOTICE);
    }
    PromptSource prompt = config.systemPromptFile() != null ? SystemPrompt.file(config.systemPromptFile())
        : prompts != null ? prompts : SystemPrompt.bundled();
    // the model sees each relevant table's semantic card and may call the question compiler (issue 12, item 4)
    CompilerTool compiler = new CompilerTool(new CompiledQuestions(catalog, models));
    PromptBuilder builder = new PromptBuilder(prompt, catalog, config.promptBudget(), CardSource.semantic(models::model),
        compiler.instructions());
    return new LlmAgent(ChatModels.create(config.llm()), tools, builder, new ExtractiveAgent(tools, check, null), check,
        config.maxToolCalls(), config.maxHistoryTurns(), compiler);
  }

  /**
   * The agent of the App on Databricks: the process's {@code platform} (its warehouse runs the SQL), DATAGENT_CATALOG
   * and everything {@link AgentConfig#fromEnv} reads. SQL runs as the user when the request carries their token.
   *
   * @throws IllegalArgumentException naming the missing or wrong variable
   */
  public static Agent databricks(Map<String, String> env, Platform platform, Retriever retriever) {
    AgentConfig config = AgentConfig.fromEnv(env, platform);
    String catalog = config.sqlPolicy().catalog();
    if (catalog == null) {
      throw new IllegalArgumentException("DATAGENT_CATALOG is not set (the Unity Catalog catalog of the serving schema)");
    }
    SqlExecutor executor = new DatabricksSqlExecutor(platform.statements(), catalog, config.sqlPolicy().defaultSchema());
    List<String> schemas = new ArrayList<>(config.sqlPolicy().allowedSchemas());
    schemas.remove(config.sqlPolicy().defaultSchema());
    schemas.add(0, config.sqlPolicy().defaultSchema());
    TableCatalog tables = new CachedTableCatalog(new DatabricksTableCatalog(executor, catalog, schemas), Duration.ofMinutes(5));
    return create(config, retriever, tables, executor);
  }
}
