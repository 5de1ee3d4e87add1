package io.datagent.agent.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.QuestionCheck;
import io.datagent.agent.Turn;
import io.datagent.agent.catalog.CatalogException;
import io.datagent.agent.extractive.ExtractiveAgent;
import io.datagent.agent.prompt.Prompt;
import io.datagent.agent.prompt.PromptBuilder;
import io.datagent.agent.search.TableSelector;
import io.datagent.agent.tool.ToolSession;
import io.datagent.agent.tool.Toolbox;
import io.datagent.retrieval.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers with an OpenAI-compatible chat model that calls the agent's tools: the system message holds the versioned
 * instructions and the schema cards of the tables the question is about (from their semantic models when built);
 * the model searches, describes, calls the question compiler ({@link CompilerTool}) and runs guarded SQL (a failed statement goes back to it for a correction, a bounded number of times) until it answers.
 *
 * <p>Every call to the model is streamed ({@link StreamingChat}); the text of the final answer reaches
 * {@link AnswerListener#onToken} piece by piece as the model writes it, then the SQL and sources footer. Tool-call
 * rounds show no text: what the model wrote before calling a tool is withdrawn
 * ({@link AnswerListener#onTokensDiscarded}).
 *
 * <p>When the model cannot be used (down, timeout, 429, malformed response, stream cut midway, empty answer) the
 * question is answered extractively in the same session, with a Spanish notice saying so; text already streamed is
 * withdrawn first, so a half answer is never the answer.
 */
public final class LlmAgent implements Agent {

  private final StreamingChat model;
  private final Toolbox tools;
  private final PromptBuilder prompts;
  private final ExtractiveAgent fallback;
  private final QuestionCheck check;
  private final int maxToolCalls;
  private final int maxHistoryTurns;
  private final CompilerTool compiler;
  private final List<ToolSpecification> specs;

  public LlmAgent(StreamingChat model, Toolbox tools, PromptBuilder prompts, ExtractiveAgent fallback, QuestionCheck check,
      int maxToolCalls, int maxHistoryTurns) {
    this(model, tools, prompts, fallback, check, maxToolCalls, maxHistoryTurns, CompilerTool.disabled());
  }

  /** @param compiler the question compiler offered as a tool ({@link CompilerTool#disabled()} for none) */
  public LlmAgent(StreamingChat model, Toolbox tools, PromptBuilder prompts, ExtractiveAgent fallback, QuestionCheck check,
      int maxToolCalls, int maxHistoryTurns, CompilerTool compiler) {
    this.compiler = compiler;
    List<ToolSpecification> all = new ArrayList<>(AgentTools.ALL);
    if (compiler.enabled()) {
      all.add(0, CompilerTool.SPEC);
    }
    this.specs = List.copyOf(all);
    this.model = model;
    this.tools = tools;
    this.prompts = prompts;
    this.fallback = fallback;
    this.check = check;
    this.maxToolCalls = maxToolCalls;
    this.maxHistoryTurns = maxHistoryTurns;
  }

  @Override
  public AgentAnswer answer(AgentRequest request, AnswerListener listener) {
    long t0 = System.nanoTime();
    Optional<AgentAnswer> refused = check.refusal(request, t0);
    if (refused.isPresent()) {
      return refused.get();
    }
    AnswerListener l = listener == null ? AnswerListener.NONE : listener;
    ToolSession session = tools.session(request.userToken(), l);
    CompilerTool.Run compiled = compiler.session(session);
    List<Hit> hits = session.search(request.question(), 8, null, null);
    Usage usage = new Usage();
    LiveAnswer live = new LiveAnswer(l);
    try {
      Prompt prompt = prompts.build(new TableSelector(tools.catalog()).select(request.question(), hits, 4));
      List<ChatMessage> messages = new ArrayList<>();
      messages.add(SystemMessage.from(prompt.text()));
      history(request, messages);
      messages.add(UserMessage.from(Conversation.question(request.question(), hits)));
      int calls = 0;
      l.onStatus("Pensando la respuesta…");
      while (true) {
        boolean toolsAllowed = calls < maxToolCalls;
        ChatRequest.Builder req = ChatRequest.builder().messages(messages);
        if (toolsAllowed) {
          req.toolSpecifications(specs);
        }
        ChatResponse response = model.chat(req.build(), live);
        usage.add(response.tokenUsage());
        AiMessage ai = response.aiMessage();
        if (ai.hasToolExecutionRequests() && toolsAllowed) {
          live.discard(); // text before a tool call is the model thinking aloud, not the answer
          messages.add(ai);
          for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
            calls++;
            String out = CompilerTool.NAME.equals(call.name()) && compiler.enabled() ? compiled.call(call.arguments())
                : session.call(call.name(), call.arguments());
            messages.add(ToolExecutionResultMessage.from(call, out));
          }
          if (calls >= maxToolCalls) {
            messages.add(UserMessage.from(Conversation.NO_MORE_TOOLS));
          }
          continue;
        }
        if (ai.text() == null || ai.text().isBlank()) {
          throw new IllegalStateException("el modelo devolvió una respuesta vacía");
        }
        String text = Conversation.withFooter(withInterpretation(ai.text().strip(), compiled), session.sql(), session.sources());
        live.complete(text);
        String notice = session.sqlFailures() > 0 && session.sql().isEmpty()
            ? "Ninguna consulta SQL funcionó; la respuesta no se apoya en datos consultados." : null;
        return new AgentAnswer(text, AgentAnswer.LLM, session.sql(), session.sources(), session.lastResult(), notice,
            session.traces(), (System.nanoTime() - t0) / 1_000_000, usage.in, usage.out, null, prompt.registryVersion());
      }
    } catch (CatalogException e) {
      live.discard();
      return fallback.compose(request, session, hits, "No se pudo leer el catálogo de tablas: " + e.getMessage(), t0, usage.in, usage.out);
    } catch (RuntimeException e) {
      live.discard();
      l.onStatus("El modelo no está disponible; respuesta extractiva.");
      return fallback.compose(request, session, hits, LlmFailure.notice(e), t0, usage.in, usage.out);
    }
  }

  /** The model's answer, plus the compiler's "Entendí" line when its SQL is the one the answer rests on. */
  private static String withInterpretation(String answer, CompilerTool.Run compiled) {
    return compiled.answered().filter(o -> !answer.contains("Entendí"))
        .map(o -> answer + "\n\n" + o.understood()).orElse(answer);
  }

  private void history(AgentRequest request, List<ChatMessage> messages) {
    List<Turn> turns = request.history();
    for (Turn t : turns.subList(Math.max(0, turns.size() - maxHistoryTurns), turns.size())) {
      if (t == null || t.text() == null || t.text().isBlank()) {
        continue;
      }
      String text = t.text().length() > 2000 ? t.text().substring(0, 2000) + "…" : t.text();
      messages.add("assistant".equals(t.role()) ? AiMessage.from(text) : UserMessage.from(text));
    }
  }

  /** Token counts summed over the calls of one answer. */
  private static final class Usage {
    int in;
    int out;

    void add(TokenUsage u) {
      if (u != null) {
        in += u.inputTokenCount() == null ? 0 : u.inputTokenCount();
        out += u.outputTokenCount() == null ? 0 : u.outputTokenCount();
      }
    }
  }
}
