package io.datagent.platform.serving;

import com.databricks.sdk.service.serving.EmbeddingsV1ResponseEmbeddingElement;
import com.databricks.sdk.service.serving.QueryEndpointInput;
import com.databricks.sdk.service.serving.QueryEndpointResponse;
import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Model Serving through the SDK ({@code POST /serving-endpoints/{name}/invocations}): embeddings, and chat
 * completions answered whole. Streamed chat (SSE), which the SDK does not offer, is {@link ServingStream}.
 */
public final class Serving {

  private final Platform platform;

  public Serving(Platform platform) {
    this.platform = platform;
  }

  /** One embedding per text, in order, as the endpoint answers them ({@code data[].index}, {@code embedding}). */
  public List<Embedding> embed(String endpoint, List<String> texts) {
    QueryEndpointResponse r = platform.call(Operation.of("embed " + texts.size() + " texts with serving endpoint "
        + endpoint, "calcular embeddings con el endpoint '" + endpoint + "'"),
        w -> w.servingEndpoints().query(new QueryEndpointInput().setName(endpoint).setInput(texts)));
    List<Embedding> out = new ArrayList<>();
    if (r.getData() != null) {
      for (EmbeddingsV1ResponseEmbeddingElement e : r.getData()) {
        out.add(new Embedding(e.getIndex() == null ? -1 : e.getIndex().intValue(), e.getEmbedding()));
      }
    }
    return out;
  }

  /** An endpoint's vector for input {@code index}; values may be null when the endpoint sent a non-number. */
  public record Embedding(int index, Collection<Double> vector) {}

  /** A chat completion answered whole ({@code stream} false), as the SDK's response. */
  public QueryEndpointResponse query(QueryEndpointInput input) {
    return platform.call(Operation.of("query serving endpoint " + input.getName(),
        "consultar el endpoint '" + input.getName() + "'"), w -> w.servingEndpoints().query(input));
  }

  public ServingStream stream() {
    return new ServingStream(platform);
  }
}
