package io.datagent.local.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import io.datagent.local.retrieval.LocalRetrievers;
import io.datagent.retrieval.Retriever;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./agent ask "pregunta"}: answers one question through the same agent as the App (a model when one is
 * configured, else extractive) and prints the answer as JSON: answer, mode, SQL, sources, result, notice, tool calls.
 * Progress goes to standard error.
 */
public final class AskCommand implements Command {

  @Override
  public String name() {
    return "ask";
  }

  @Override
  public String summary() {
    return "ask \"pregunta\"        responde una pregunta sobre los datos y la imprime como JSON";
  }

  /**
   * The workspace's search index ({@code ./agent embed} builds it); without one, {@link NoIndexRetriever} and a
   * warning: answers then rest on the catalog and the question's words in the data.
   */
  public static Retriever retriever(LocalRuntime rt) {
    Path index = rt.workspace().tables().resolve(LocalRetrievers.SCHEMA).resolve(LocalRetrievers.TABLE);
    if (!Files.isDirectory(index.resolve("_delta_log"))) {
      System.err.println("Aviso: no hay índice de búsqueda en " + index + " (ejecute ./agent embed); se responde sin él.");
      return new NoIndexRetriever();
    }
    try {
      return LocalRetrievers.open(rt.workspace().tables(), LocalRetrievers.defaultModel());
    } catch (RuntimeException e) {
      System.err.println("Aviso: no se pudo abrir el índice de búsqueda (" + e.getMessage() + "); se responde sin él.");
      return new NoIndexRetriever();
    }
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    if (args.size() != 1) {
      System.err.println("Uso: ./agent ask \"¿pregunta sobre los datos?\" [--workspace DIR]  (la pregunta entre comillas)");
      return 2;
    }
    long t0 = System.nanoTime();
    Retriever retriever = retriever(rt);
    Agent agent = LocalAgents.create(rt, rt.env().asMap(), retriever);
    AgentAnswer answer;
    try {
      answer = agent.answer(new AgentRequest(args.get(0), System.getProperty("user.name"), null, null, List.of()),
        new AnswerListener() {
          @Override
          public void onStatus(String s) {
            System.err.printf("[%5.1f s] %s%n", (System.nanoTime() - t0) / 1e9, s);
          }

          @Override
          public void onSql(String sql) {
            System.err.printf("[%5.1f s] SQL: %s%n", (System.nanoTime() - t0) / 1e9, sql);
          }
        });
    } finally {
      if (retriever instanceof AutoCloseable c) {
        c.close();
      }
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    System.out.println(json.writeValueAsString(answer));
    System.err.printf("ask: modo %s, %d SQL, %d fuentes, %d ms%s%n", answer.mode(), answer.sql().size(),
        answer.sources().size(), answer.latencyMs(), answer.error() == null ? "" : ", error " + answer.error());
    return answer.error() != null && !AgentAnswer.REFUSED.equals(answer.mode()) ? 1 : 0;
  }
}
