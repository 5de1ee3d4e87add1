package io.datagent.agent;

import io.datagent.agent.catalog.CachedTableCatalog;
import io.datagent.agent.catalog.DatabricksTableCatalog;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.platform.Platform;
import io.datagent.agent.extractive.ExtractiveAgent;
import io.datagent.agent.llm.ChatModels;
import io.datagent.agent.llm.LlmAgent;
import io.datagent.agent.prompt.PromptBuilder;
import io.datagent.agent.prompt.SystemPrompt;
import io.datagent.agent.sql.DatabricksSqlExecutor;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.tool.Toolbox;
import io.datagent.retrieval.Retriever;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Agent} a configuration asks for: {@link LlmAgent} (with the extractive fallback) when a chat
 * model is configured, else {@link ExtractiveAgent}.
 *
 * <p>Two entry points: {@link #create} from the ports (the local runtime passes its Spark executor and catalog),
 * and {@link #databricks} for the App on Databricks, which builds the SQL warehouse executor and the
 * information_schema catalog from the environment too.
 */
public final class AgentFactory {

  static final String NO_MODEL_NOTICE = "Sin modelo de lenguaje configurado: respuesta extractiva (filas y descripciones "
      + "copiadas de los datos, sin cifras calculadas por un modelo).";

  private AgentFactory() {}

  /** An agent over the given ports. */
  public static Agent create(AgentConfig config, Retriever retriever, TableCatalog catalog, SqlExecutor executor) {
    SqlGuard guard = new SqlGuard(config.sqlPolicy());
    Toolbox tools = new Toolbox(retriever, catalog, guard, executor, config.sqlTimeout(), config.maxSqlAttempts());
    QuestionCheck check = new QuestionCheck(config.maxQuestionChars(), guard);
    if (config.llm() == null) {
      return new ExtractiveAgent(tools, check, NO_MODEL_NOTICE);
    }
    SystemPrompt prompt = config.systemPromptFile() == null ? SystemPrompt.bundled() : SystemPrompt.file(config.systemPromptFile());
    return new LlmAgent(ChatModels.create(config.llm()), tools, new PromptBuilder(prompt, catalog, config.promptBudget()),
        new ExtractiveAgent(tools, check, null), check, config.maxToolCalls(), config.maxHistoryTurns());
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
