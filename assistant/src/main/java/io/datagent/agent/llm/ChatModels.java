package io.datagent.agent.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/** Builds the streamed chat model ({@link StreamingChat}) of an {@link LlmConfig}, on langchain4j's OpenAI client. */
public final class ChatModels {

  private ChatModels() {}

  public static StreamingChat create(LlmConfig config) {
    return new StreamingChat(model(config), config.timeout(), config.maxRetries());
  }

  /** langchain4j's OpenAI-compatible streaming model; its HTTP client is guarded by {@link ChatStreamHttpClient}. */
  static StreamingChatModel model(LlmConfig config) {
    OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder b = OpenAiStreamingChatModel.builder()
        .modelName(config.model())
        .timeout(config.timeout())
        .temperature(config.temperature())
        .parallelToolCalls(false);
    HttpClientBuilder http;
    if (config.databricks() != null) {
      // The OpenAI client appends /chat/completions to the base URL; the HTTP client below redirects it.
      b.baseUrl(config.databricks().config().host() + "/serving-endpoints");
      http = ServingEndpointHttpClient.builder(config.databricks().serving().stream(), config.model());
    } else {
      b.baseUrl(config.baseUrl()).apiKey(config.apiKey());
      http = HttpClientBuilderLoader.loadHttpClientBuilder();
    }
    return b.httpClientBuilder(ChatStreamHttpClient.builder(http)).build();
  }
}
