package io.datagent.local.optimize;

import io.datagent.agent.Agent;
import io.datagent.agent.prompt.PromptSource;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.LocalAgents;
import io.datagent.local.retrieval.LocalRetrievers;
import io.datagent.optimization.Candidate;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.RetrieverConfig;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;

/**
 * The local agent a candidate describes: the model answering with the candidate's prompt, or the agent without a
 * model searching with the candidate's retrieval tuning (over the workspace's index when {@code ./agent embed} built
 * one; without it the retrieval tuning changes nothing) and compiling with the candidate's compiler tuning.
 */
public final class CandidateAgents implements Function<Candidate, Agent>, AutoCloseable {

  private final LocalRuntime rt;
  private final Map<String, String> env;
  private final Retriever shared;
  private final java.util.List<AutoCloseable> opened = new java.util.ArrayList<>();

  public CandidateAgents(LocalRuntime rt, Map<String, String> env, Retriever shared) {
    this.rt = rt;
    this.env = env;
    this.shared = shared;
  }

  @Override
  public Agent apply(Candidate c) {
    if (c.isPrompt()) {
      PromptSource fixed = () -> new PromptSource.Served(c.prompt(), "candidato " + c.label(), null);
      return LocalAgents.create(rt, env, shared, fixed);
    }
    var index = rt.workspace().tables().resolve(LocalRetrievers.SCHEMA).resolve(LocalRetrievers.TABLE);
    if (!Files.isDirectory(index.resolve("_delta_log"))) {
      return LocalAgents.create(rt, env, shared, null, c::compiler);
    }
    var tuned = LocalRetrievers.open(rt.workspace().tables(), LocalRetrievers.defaultModel(),
        RetrieverConfig.defaults().withTuning(c.tuning()));
    opened.add(tuned);
    return LocalAgents.create(rt, env, tuned, null, c::compiler);
  }

  /** Closes the search indexes opened for tuning candidates. */
  @Override
  public void close() {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        // an index folder left open is removed with the process's temporary files
      }
    }
    opened.clear();
  }
}
