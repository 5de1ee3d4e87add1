package io.datagent.agent.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds langchain4j's OpenAI-compatible {@link ChatModel} for an {@link LlmConfig}. */
public final class ChatModels {

  private ChatModels() {}

  public static ChatModel create(LlmConfig config) {
    OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
        .modelName(config.model())
        .timeout(config.timeout())
        .maxRetries(config.maxRetries())
        .temperature(config.temperature())
        .parallelToolCalls(false);
    if (config.databricks() != null) {
      // The OpenAI client appends /chat/completions to the base URL; the HTTP client below redirects it.
      b.baseUrl(config.databricks().http().host() + "/serving-endpoints")
          .httpClientBuilder(ServingEndpointHttpClient.builder(config.databricks(), config.model()));
    } else {
      b.baseUrl(config.baseUrl()).apiKey(config.apiKey());
    }
    return b.build();
  }
}
