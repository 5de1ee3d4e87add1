package io.datagent.optimization.agent;

import dev.langchain4j.model.chat.ChatModel;
import io.datagent.optimization.InstructionRewrites;
import io.datagent.optimization.OptimizationItem;
import java.util.List;

/**
 * Asks a chat model for a rewritten system prompt from the questions the current one answered wrong (question, kind
 * and the SQL that answers it). The reply is the whole new prompt; a reply that is empty or equal to the current one
 * proposes nothing.
 */
public final class ChatRewriter implements InstructionRewrites.Rewriter {

  static final String TASK = "Eres quien mejora las instrucciones de sistema de un asistente que responde preguntas "
      + "de negocio con SQL sobre tablas Delta. Con estas instrucciones el asistente falló las preguntas de abajo. "
      + "Reescribe las instrucciones para que acierte preguntas de ese tipo, sin copiar las preguntas ni sus valores "
      + "concretos y sin quitar ninguna regla de seguridad. Responde solo con el texto completo de las nuevas "
      + "instrucciones.";

  private final ChatModel model;

  public ChatRewriter(ChatModel model) {
    this.model = model;
  }

  @Override
  public String rewrite(String currentPrompt, List<OptimizationItem> failures) {
    StringBuilder m = new StringBuilder(TASK).append("\n\n## Instrucciones actuales\n").append(currentPrompt)
        .append("\n\n## Preguntas falladas\n");
    for (OptimizationItem f : failures) {
      m.append("- (").append(f.kind()).append(") ").append(f.question());
      if (f.sql() != null) {
        m.append("\n  SQL que la responde: ").append(f.sql());
      }
      m.append('\n');
    }
    return model.chat(m.toString());
  }
}
