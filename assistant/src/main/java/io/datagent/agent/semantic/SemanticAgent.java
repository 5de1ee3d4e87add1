package io.datagent.agent.semantic;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.QueryResult;
import io.datagent.agent.QuestionCheck;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.agent.extractive.ExtractiveAgent;
import io.datagent.agent.tool.ToolSession;
import io.datagent.agent.tool.Toolbox;
import java.util.List;
import java.util.Optional;

/**
 * Answers analytic questions without a language model: compiles the question against each candidate table's
 * semantic model ({@link QuestionCompiler}), runs the best plan's one SQL through the guard, and states the
 * computed number with its unit, the interpretation ("Entendí: …") and the SQL. Questions it cannot read go to
 * the {@link ExtractiveAgent}; a question that names a number it cannot place gets the closest readings, never a
 * number the database did not compute.
 */
public final class SemanticAgent implements Agent {

  /** Below this share of the question explained, a plan is not trusted (the default; {@link CompilerThresholds#minScore}). */
  static final double MIN_SCORE = CompilerThresholds.DEFAULT.minScore();
  private static final java.util.regex.Pattern TABLES = java.util.regex.Pattern.compile(
      "\\b(que|cuales) (tablas|archivos)\\b|\\blista(r|me)? (de )?(las )?tablas\\b|\\btablas (hay|disponibles)\\b");

  private final Toolbox tools;
  private final QuestionCheck check;
  private final TableModels models;
  private final ExtractiveAgent fallback;
  private final String notice;
  private final String fallbackNotice;

  /**
   * @param notice the notice of compiled answers (e.g. "sin modelo de lenguaje"), or null
   * @param fallbackNotice the notice of extractive answers, or null
   */
  public SemanticAgent(Toolbox tools, QuestionCheck check, TableModels models, ExtractiveAgent fallback, String notice,
      String fallbackNotice) {
    this.tools = tools;
    this.check = check;
    this.models = models;
    this.fallback = fallback;
    this.notice = notice;
    this.fallbackNotice = fallbackNotice;
  }

  @Override
  public AgentAnswer answer(AgentRequest request, AnswerListener listener) {
    long t0 = System.nanoTime();
    Optional<AgentAnswer> refused = check.refusal(request, t0);
    if (refused.isPresent()) {
      return refused.get();
    }
    ToolSession session = tools.session(request.userToken(), listener);
    if (!QuestionCheck.looksLikeSql(request.question())) {
      try {
        Optional<AgentAnswer> a = compiled(request.question(), session, t0);
        if (a.isPresent()) {
          return a.get();
        }
      } catch (RuntimeException e) {
        // the extractive answer below reports catalog failures in its own words
      }
    }
    return fallback.compose(request, session, null, fallbackNotice, t0, 0, 0);
  }

  /** The compiled answer, or empty when no table's model reads the question well enough. */
  Optional<AgentAnswer> compiled(String question, ToolSession session, long t0) {
    session.status("Interpretando la pregunta…");
    if (TABLES.matcher(Text.fold(question)).find()) {
      return Optional.of(done(tables(), session, null, t0));
    }
    List<ModelIndex> indexes = new java.util.ArrayList<>();
    CompilerThresholds limits = models.tuning().thresholds();
    for (String table : PlanChoice.candidates(tools.catalog(), question, limits.maxTables())) {
      models.index(table).ifPresent(indexes::add);
    }
    Optional<String> column = ColumnAnswer.answer(question, indexes, tools.catalog());
    if (column.isPresent()) {
      return Optional.of(done(column.get(), session, null, t0));
    }
    PlanChoice choice = new PlanChoice();
    for (ModelIndex index : indexes) {
      choice.offer(QuestionCompiler.compile(question, index), index.rows());
    }
    Compilation best = choice.best();
    if (best == null || best.score() < limits.minScore()) {
      return Optional.empty();
    }
    if (!best.ok()) {
      String text = best.unclear() + (best.suggestions().isEmpty() ? ""
          : " Las lecturas más cercanas: " + String.join("; ", best.suggestions()) + ". Reformule la pregunta nombrando una de ellas.");
      return Optional.of(done(text, session, null, t0));
    }
    Plan plan = best.plan();
    String sql = SqlBuilder.sql(plan);
    Optional<QueryResult> r = session.runSql(sql);
    if (r.isEmpty()) {
      return Optional.empty(); // the guard or the engine refused it: the extractive answer says why
    }
    String text = "**" + Verbalizer.sentence(plan, r.get()) + "**\n\n" + Describe.understood(plan)
        + "\n\n**SQL para repetir la consulta:**\n```sql\n" + session.sql().get(session.sql().size() - 1) + "\n```";
    return Optional.of(done(text, session, r.get(), t0));
  }

  /** "¿Qué tablas hay?": each table with what it counts and measures (from its model). */
  private String tables() {
    StringBuilder sb = new StringBuilder();
    List<TableInfo> all = tools.catalog().listTables().stream().filter(t -> TableCatalog.visible(t.name())).toList();
    sb.append(all.isEmpty() ? "No hay tablas disponibles todavía: cargue un archivo desde la página de carga."
        : "Hay " + all.size() + (all.size() == 1 ? " tabla disponible:" : " tablas disponibles:"));
    for (TableInfo t : all.subList(0, Math.min(all.size(), 30))) {
      sb.append("\n- **").append(t.qualified()).append("**");
      if (t.comment() != null && !t.comment().isBlank()) {
        sb.append(": ").append(t.comment().length() > 160 ? t.comment().substring(0, 159) + "…" : t.comment());
      }
      models.model(t.qualified()).ifPresent(m -> {
        List<String> numbers = m.measures().stream().filter(x -> !x.rowCount()).map(x -> x.displayName()).limit(6).toList();
        sb.append(" — cada fila: ").append(m.rowNoun().equals("filas") ? "un registro" : m.rowNoun());
        if (!numbers.isEmpty()) {
          sb.append("; cifras: ").append(String.join(", ", numbers)).append(numbers.size() < m.measures().size() - 1 ? ", …" : "");
        }
      });
    }
    return sb.toString();
  }

  private AgentAnswer done(String text, ToolSession session, QueryResult result, long t0) {
    session.listener().onToken(text);
    return new AgentAnswer(text, AgentAnswer.SEMANTIC, session.sql(), session.sources(), result, notice, session.traces(),
        (System.nanoTime() - t0) / 1_000_000, 0, 0, null);
  }
}
