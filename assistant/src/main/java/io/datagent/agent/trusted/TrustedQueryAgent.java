package io.datagent.agent.trusted;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.QueryResult;
import io.datagent.agent.QuestionCheck;
import io.datagent.agent.tool.ResultText;
import io.datagent.agent.tool.ToolSession;
import io.datagent.agent.tool.Toolbox;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a question with a trusted query when one of its patterns matches, before the agent behind it (the
 * compiler or the model) sees it; anything else, or a trusted query whose SQL the guard refuses or the engine
 * fails on, goes to that agent. The SQL runs through the toolbox (guard, engine, traces) like every other SQL.
 */
public final class TrustedQueryAgent implements Agent {

  private static final Logger LOG = LoggerFactory.getLogger(TrustedQueryAgent.class);
  static final String LABEL = "Consulta verificada";
  static final int MAX_ROWS_SHOWN = 20;

  private final Agent next;
  private final TrustedQueries store;
  private final TrustedMatcher matcher;
  private final Toolbox tools;
  private final QuestionCheck check;

  public TrustedQueryAgent(Agent next, TrustedQueries store, TrustedMatcher matcher, Toolbox tools, QuestionCheck check) {
    this.next = next;
    this.store = store;
    this.matcher = matcher;
    this.tools = tools;
    this.check = check;
  }

  @Override
  public AgentAnswer answer(AgentRequest request, AnswerListener listener) {
    long t0 = System.nanoTime();
    if (check.refusal(request, t0).isPresent() || QuestionCheck.looksLikeSql(request.question())) {
      return next.answer(request, listener);
    }
    Optional<TrustedMatch> match;
    try {
      match = matcher.match(request.question(), store.list());
    } catch (RuntimeException e) {
      LOG.warn("trusted queries unavailable, answering without them: {}", e.toString());
      return next.answer(request, listener);
    }
    if (match.isEmpty()) {
      return next.answer(request, listener);
    }
    ToolSession session = tools.session(request.userToken(), listener);
    Optional<QueryResult> result = session.runSql(match.get().sql());
    if (result.isEmpty()) {
      LOG.warn("trusted query {} failed ({}); answering without it", match.get().query().id(), session.lastSqlError());
      return next.answer(request, listener);
    }
    String text = text(match.get(), result.get(), session.sql());
    return new AgentAnswer(text, AgentAnswer.TRUSTED, session.sql(), session.sources(), result.get(), null,
        session.traces(), (System.nanoTime() - t0) / 1_000_000, 0, 0, null);
  }

  static String text(TrustedMatch m, QueryResult r, List<String> sql) {
    StringBuilder sb = new StringBuilder("**").append(LABEL).append(": ").append(m.query().title()).append("**\n\n");
    if (!m.values().isEmpty()) {
      sb.append("Parámetros: ").append(params(m.values())).append("\n\n");
    }
    if (r.rows().size() == 1 && r.columns().size() == 1) {
      sb.append("Resultado: **").append(ResultText.value(r.rows().get(0).get(0))).append("**\n\n");
    } else {
      sb.append("```\n").append(ResultText.format(r, MAX_ROWS_SHOWN, 4_000)).append("\n```\n\n");
    }
    sb.append("Tabla: ").append(m.query().table()).append("\n\n```sql\n").append(sql.get(sql.size() - 1)).append("\n```");
    return sb.toString();
  }

  static String params(Map<String, String> values) {
    return values.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
  }
}
