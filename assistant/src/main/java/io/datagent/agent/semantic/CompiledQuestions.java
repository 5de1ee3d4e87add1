package io.datagent.agent.semantic;

import io.datagent.agent.QueryResult;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.tool.ToolSession;
import java.util.List;
import java.util.Optional;

/**
 * The question compiler as a service for other agents (the LLM's tool): compiles a question against the semantic
 * model of the given table, or of the candidate tables, and runs the best plan's SQL through the session's guarded
 * path. It never states a number the database did not compute: a question it cannot place comes back with the
 * reason and the closest readings.
 */
public final class CompiledQuestions {

  /**
   * What the compiler made of a question.
   *
   * @param sentence the Spanish sentence stating the computed number, or null when not answered
   * @param understood the interpretation ("Entendí: …"), or null when not answered
   * @param sql the guarded SQL that ran, or null
   * @param result its rows, or null
   * @param reason why it was not answered, or null when answered
   * @param suggestions the closest readings when the question was unclear
   */
  public record Outcome(String sentence, String understood, String sql, QueryResult result, String reason,
      List<String> suggestions) {

    public boolean answered() {
      return result != null && sql != null;
    }

    static Outcome declined(String reason, List<String> suggestions) {
      return new Outcome(null, null, null, null, reason, List.copyOf(suggestions));
    }
  }

  private final TableCatalog catalog;
  private final TableModels models;

  public CompiledQuestions(TableCatalog catalog, TableModels models) {
    this.catalog = catalog;
    this.models = models;
  }

  /** The table's semantic model (the prompt's cards use it). */
  public TableModels models() {
    return models;
  }

  /**
   * The SQL the compiler makes of {@code question} over the candidate tables, without running it (the compile step
   * alone, for {@code ./agent bench answers}); empty when no table's model reads the question.
   */
  public Optional<String> compile(String question) {
    PlanChoice choice = new PlanChoice();
    for (String t : PlanChoice.candidates(catalog, question)) {
      models.index(t).ifPresent(index -> choice.offer(QuestionCompiler.compile(question, index), index.rows()));
    }
    Compilation best = choice.best();
    return best == null || best.score() < SemanticAgent.MIN_SCORE || !best.ok() ? Optional.empty()
        : Optional.of(SqlBuilder.sql(best.plan()));
  }

  /**
   * Compiles {@code question} over {@code table} (or the candidate tables when null or blank) and runs its SQL.
   */
  public Outcome answer(String question, String table, ToolSession session) {
    CompilerThresholds limits = models.tuning().thresholds();
    List<String> tables = table == null || table.isBlank() ? PlanChoice.candidates(catalog, question, limits.maxTables())
        : List.of(table.strip());
    PlanChoice choice = new PlanChoice();
    boolean anyModel = false;
    for (String t : tables) {
      Optional<ModelIndex> index = models.index(t);
      if (index.isEmpty()) {
        continue;
      }
      anyModel = true;
      choice.offer(QuestionCompiler.compile(question, index.get()), index.get().rows());
    }
    Compilation best = choice.best();
    if (best == null || best.score() < limits.minScore()) {
      return Outcome.declined(!anyModel ? "no hay ninguna tabla " + (table == null || table.isBlank() ? "" : "'" + table.strip() + "' ")
          + "con modelo semántico" : "la pregunta no nombra medidas, dimensiones ni valores que el modelo semántico reconozca", List.of());
    }
    if (!best.ok()) {
      return Outcome.declined(best.unclear(), best.suggestions());
    }
    Plan plan = best.plan();
    Optional<QueryResult> r = session.runSql(SqlBuilder.sql(plan));
    if (r.isEmpty()) {
      return Outcome.declined("la consulta compilada no se pudo ejecutar: " + session.lastSqlError(), List.of());
    }
    return new Outcome(Verbalizer.sentence(plan, r.get()), Describe.understood(plan),
        session.sql().get(session.sql().size() - 1), r.get(), null, List.of());
  }
}
