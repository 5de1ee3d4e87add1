package io.datagent.agent.trusted;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.QueryResult;
import io.datagent.agent.QuestionCheck;
import io.datagent.agent.ToolCallTrace;
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
  /** The tool name of the trace that records which trusted query answered (see {@link #trace}). */
  public static final String TOOL = "consulta_verificada";
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
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
    List<ToolCallTrace> traces = new java.util.ArrayList<>();
    traces.add(trace(match.get()));
    traces.addAll(session.traces());
    return new AgentAnswer(text, AgentAnswer.TRUSTED, session.sql(), session.sources(), result.get(), null,
        traces, (System.nanoTime() - t0) / 1_000_000, 0, 0, null);
  }

  /**
   * The trusted query that answered, as a trace of tool {@value #TOOL}: its id, the pattern with every parameter
   * (so the values can be edited and the same pattern asked again) and each parameter's type and value.
   */
  static ToolCallTrace trace(TrustedMatch m) {
    com.fasterxml.jackson.databind.node.ObjectNode args = JSON.createObjectNode().put("id", m.query().id());
    String pattern = m.query().patterns().stream()
        .filter(p -> m.query().params().keySet().stream().allMatch(k -> p.contains("{" + k + "}"))).findFirst().orElse(null);
    args.put("pattern", pattern);
    com.fasterxml.jackson.databind.node.ArrayNode params = args.putArray("params");
    m.query().params().forEach((name, type) -> params.addObject().put("name", name).put("type", type.spanish())
        .put("value", m.values().get(name)));
    return new ToolCallTrace(TOOL, args.toString(), m.query().title(), 0, null);
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
