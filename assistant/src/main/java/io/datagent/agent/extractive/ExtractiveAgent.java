package io.datagent.agent.extractive;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.QueryResult;
import io.datagent.agent.QuestionCheck;
import io.datagent.agent.catalog.CatalogException;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.search.TableSelector;
import io.datagent.agent.search.Terms;
import io.datagent.agent.tool.ToolSession;
import io.datagent.agent.tool.Toolbox;
import io.datagent.retrieval.Hit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers without a language model: the rows and descriptions that best match the question, quoted verbatim with
 * their table, file and row, and the guarded SQL that shows them (run, so the result table is real). It computes
 * no number itself; an aggregate the question names ("máximo de …") is computed by the database and labelled.
 *
 * <p>Rows come from the retriever's row hits when there are any ({@code WHERE _source_row IN (...)}), otherwise
 * from the question's distinctive words in the best table's text columns ({@link KeywordRows}).
 */
public final class ExtractiveAgent implements Agent {

  static final int ROWS = 5;

  private final Toolbox tools;
  private final QuestionCheck check;
  private final String defaultNotice;

  /** @param defaultNotice the notice every answer carries (e.g. "no hay modelo configurado"), or null */
  public ExtractiveAgent(Toolbox tools, QuestionCheck check, String defaultNotice) {
    this.tools = tools;
    this.check = check;
    this.defaultNotice = defaultNotice;
  }

  @Override
  public AgentAnswer answer(AgentRequest request, AnswerListener listener) {
    long t0 = System.nanoTime();
    Optional<AgentAnswer> refused = check.refusal(request, t0);
    if (refused.isPresent()) {
      return refused.get();
    }
    ToolSession session = tools.session(request.userToken(), listener);
    return compose(request, session, null, defaultNotice, t0, 0, 0);
  }

  /**
   * The extractive answer, continuing a session an LLM answer began (its traces stay).
   *
   * @param hits the search hits already found for this question, or null to search now
   */
  public AgentAnswer compose(AgentRequest request, ToolSession session, List<Hit> hits, String notice, long t0,
      int promptTokens, int completionTokens) {
    try {
      String q = request.question();
      Outcome out;
      if (QuestionCheck.looksLikeSql(q) && session.runSql(q).isPresent()) {
        out = new Outcome(new ExtractiveText("resultado de su consulta SQL, tal como la devolvió la base de datos.")
            .rows("Filas", session.lastResult(), null, 20), session.lastResult());
      } else {
        out = fromSearch(q, session, hits == null ? session.search(q, 10, null, null) : hits);
      }
      out.text().sql(session.sql()).sources(session.sources());
      session.listener().onToken(out.text().toString());
      return new AgentAnswer(out.text().toString(), AgentAnswer.EXTRACTIVE, session.sql(), session.sources(), out.shown(),
          notice, session.traces(), (System.nanoTime() - t0) / 1_000_000, promptTokens, completionTokens, null);
    } catch (CatalogException e) {
      return new AgentAnswer("No pude leer el catálogo de tablas para responder: " + e.getMessage(), AgentAnswer.EXTRACTIVE,
          session.sql(), session.sources(), null, notice, session.traces(), (System.nanoTime() - t0) / 1_000_000,
          promptTokens, completionTokens, "catalog_unavailable");
    } catch (RuntimeException e) { // never a 500: an unexpected failure is an answer that says so
      return new AgentAnswer("No pude responder por un error interno; intente de nuevo o reformule la pregunta.",
          AgentAnswer.EXTRACTIVE, session.sql(), session.sources(), null, notice, session.traces(),
          (System.nanoTime() - t0) / 1_000_000, promptTokens, completionTokens, "internal_error: " + e);
    }
  }

  /** The answer text and the result table to show with it (the rows, not an aggregate). */
  private record Outcome(ExtractiveText text, QueryResult shown) {}

  private Outcome fromSearch(String q, ToolSession session, List<Hit> hits) {
    Set<String> terms = Terms.of(q);
    List<Hit> rowHits = hits.stream().filter(h -> "row".equals(h.kind()) && h.table() != null && h.sourceRow() != null).toList();
    session.status("Eligiendo la tabla…");
    List<String> ranked = new TableSelector(tools.catalog()).select(q, hits, 1);
    String table = !rowHits.isEmpty() ? qualified(rowHits.get(0).table()) : ranked.isEmpty() ? null : ranked.get(0);
    Optional<TableDescription> d = table == null ? Optional.empty() : tools.catalog().outline(table);
    List<Hit> passages = hits.stream().filter(h -> "passage".equals(h.kind())).limit(3).toList();
    if (d.isEmpty()) {
      String names = tools.catalog().listTables().stream().map(t -> t.qualified()).limit(20).collect(Collectors.joining(", "));
      return new Outcome(new ExtractiveText("no encontré filas ni descripciones que coincidan con la pregunta.")
          .passages(passages).line("Tablas disponibles: " + (names.isEmpty() ? "ninguna" : names) + "."), null);
    }
    ExtractiveText text = new ExtractiveText("estas son las filas y descripciones que mejor coinciden con su pregunta, "
        + "copiadas tal cual de los datos. No se calculó ninguna cifra nueva.").table(d.get());
    session.status("Buscando las filas…");
    List<String> keywords = KeywordRows.keywords(terms, d.get());
    QueryResult rows = null;
    List<Hit> sameTable = rowHits.stream().filter(h -> qualified(h.table()).equals(d.get().table().qualified())).limit(ROWS).toList();
    if (!sameTable.isEmpty()) {
      rows = session.runSql(byRows(d.get(), sameTable)).orElse(null);
    }
    if ((rows == null || rows.rows().isEmpty()) && !keywords.isEmpty()) {
      Optional<String> sql = KeywordRows.sql(keywords, d.get(), ROWS);
      rows = sql.flatMap(session::runSql).orElse(null);
    }
    String failed = rows == null ? session.lastSqlError() : null;
    if (rows != null && !rows.rows().isEmpty()) {
      text.rows("Filas que coinciden", rows, d.get(), ROWS);
    } else if (failed != null) {
      text.line("No se pudieron leer las filas: " + failed);
    } else {
      text.line("No encontré filas que mencionen " + (keywords.isEmpty() ? "los términos de la pregunta" : String.join(", ", keywords))
          + " en " + d.get().table().qualified() + ".");
    }
    // no computed figure here: aggregates are the question compiler's, which states what it understood
    return new Outcome(text.passages(passages), rows);
  }

  /** The hit rows, best match first (the retriever's order), not in file order. */
  private String byRows(TableDescription d, List<Hit> hits) {
    List<String> ordered = hits.stream().map(h -> String.valueOf(h.sourceRow())).distinct().toList();
    String rows = String.join(", ", ordered);
    StringBuilder rank = new StringBuilder("CASE _source_row");
    for (int i = 0; i < ordered.size(); i++) {
      rank.append(" WHEN ").append(ordered.get(i)).append(" THEN ").append(i);
    }
    rank.append(" END");
    List<String> files = hits.stream().map(Hit::sourceFile).filter(f -> f != null && !f.contains("'") && !f.contains("\\"))
        .distinct().toList();
    String fileFilter = files.size() == 1 && hits.stream().allMatch(h -> files.get(0).equals(h.sourceFile()))
        ? " AND _source_file = '" + files.get(0) + "'" : "";
    return "SELECT * FROM " + d.table().qualified() + " WHERE _source_row IN (" + rows + ")" + fileFilter
        + " ORDER BY " + rank + ", _source_row LIMIT " + ROWS;
  }

  private String qualified(String table) {
    return table.contains(".") ? table.toLowerCase() : tools.guard().policy().defaultSchema() + "." + table.toLowerCase();
  }
}
