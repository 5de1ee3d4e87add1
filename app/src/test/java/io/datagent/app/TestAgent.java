package io.datagent.app;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.QueryResult;
import io.datagent.agent.SourceRef;
import io.datagent.agent.ToolCallTrace;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agent for testing the App around it (the agent itself is tested in its module): answers every question with
 * the same table, streams two tokens (withdrawing a first line when the question mentions a tool), and remembers the
 * requests it got.
 */
public final class TestAgent implements Agent {

  public final List<AgentRequest> requests = new CopyOnWriteArrayList<>();

  @Override
  public AgentAnswer answer(AgentRequest request, AnswerListener listener) {
    requests.add(request);
    if (request.question().contains("explota")) {
      throw new IllegalStateException("boom");
    }
    listener.onStatus("Buscando…");
    if (request.question().contains("herramienta")) { // a model that wrote a line, then decided to call a tool
      listener.onToken("Voy a consultar ");
      listener.onTokensDiscarded();
    }
    listener.onToolCall("run_sql", "{\"sql\":\"SELECT region, mw FROM serving.potencia\"}");
    listener.onSql("SELECT region, mw FROM serving.potencia");
    listener.onToken("La región ");
    listener.onToken("Comahue lidera.");
    QueryResult result = new QueryResult(List.of("region", "mw"), List.of("string", "decimal(10,1)"),
        List.of(List.of("Comahue", 4520.5), List.of("Cuyo", 1200.0)), false);
    return new AgentAnswer("La región **Comahue** lidera con 4520,5 MW.", AgentAnswer.EXTRACTIVE,
        List.of("SELECT region, mw FROM serving.potencia"),
        List.of(new SourceRef("serving.potencia", "PotenciaInstalada.csv", 12L, "row", "Comahue;4520,5")), result, null,
        List.of(new ToolCallTrace("run_sql", "{}", "2 filas", 5, null)), 7, 0, 0, null);
  }
}
