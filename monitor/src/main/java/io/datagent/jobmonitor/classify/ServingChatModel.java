package io.datagent.jobmonitor.classify;

import com.databricks.sdk.service.serving.ChatMessageRole;
import com.databricks.sdk.service.serving.QueryEndpointInput;
import com.databricks.sdk.service.serving.QueryEndpointResponse;
import com.databricks.sdk.service.serving.V1ResponseChoiceElement;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.datagent.platform.serving.Serving;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor's LLM stage on a Databricks serving endpoint, through the platform layer ({@link Serving#query}): one
 * blocking chat completion, temperature 0. The stage has its own time budget and keeps the rules' answer on failure.
 */
public final class ServingChatModel implements ChatModel {

  private final Serving serving;
  private final String endpoint;

  public ServingChatModel(Serving serving, String endpoint) {
    this.serving = serving;
    this.endpoint = endpoint;
  }

  public String endpoint() {
    return endpoint;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    List<com.databricks.sdk.service.serving.ChatMessage> messages = new ArrayList<>();
    for (ChatMessage m : request.messages()) {
      com.databricks.sdk.service.serving.ChatMessage o = new com.databricks.sdk.service.serving.ChatMessage();
      if (m instanceof SystemMessage s) {
        o.setRole(ChatMessageRole.SYSTEM).setContent(s.text());
      } else if (m instanceof UserMessage u) {
        o.setRole(ChatMessageRole.USER).setContent(u.singleText());
      } else if (m instanceof AiMessage a) {
        o.setRole(ChatMessageRole.ASSISTANT).setContent(a.text());
      } else {
        throw new IllegalArgumentException("unsupported message type " + m.type());
      }
      messages.add(o);
    }
    QueryEndpointResponse r = serving.query(new QueryEndpointInput().setName(endpoint).setMessages(messages)
        .setTemperature(0.0).setMaxTokens(600L));
    if (r.getChoices() == null || r.getChoices().isEmpty()) {
      throw new IllegalStateException("serving endpoint " + endpoint + " answered no choices");
    }
    V1ResponseChoiceElement c = r.getChoices().iterator().next();
    if (c.getMessage() == null || c.getMessage().getContent() == null) {
      throw new IllegalStateException("serving endpoint " + endpoint + " answered no choices[0].message.content");
    }
    return ChatResponse.builder().aiMessage(AiMessage.from(c.getMessage().getContent())).build();
  }
}
