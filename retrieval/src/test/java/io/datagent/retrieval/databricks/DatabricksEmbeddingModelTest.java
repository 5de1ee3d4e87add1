package io.datagent.retrieval.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.retrieval.EmbeddingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabricksEmbeddingModelTest {

  static final String PATH = "/serving-endpoints/gte/invocations";

  LoopbackWorkspace ws;

  @BeforeEach
  void start() throws Exception {
    ws = new LoopbackWorkspace();
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  static String answer(int n, int dim) {
    StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"model\":\"gte-large-en\",\"data\":[");
    for (int i = n - 1; i >= 0; i--) { // out of order on purpose: the index field decides
      sb.append("{\"object\":\"embedding\",\"index\":").append(i).append(",\"embedding\":[");
      for (int d = 0; d < dim; d++) {
        sb.append(d == 0 ? "" : ",").append(i + 1).append(".0");
      }
      sb.append("]}").append(i == 0 ? "" : ",");
    }
    return sb.append("],\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}").toString();
  }

  @Test
  void should_embed_in_batches_in_input_order_when_the_endpoint_answers() {
    // given
    ws.on(PATH, 200, answer(2, 4)).on(PATH, 200, answer(1, 4));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(ws.http(3, Duration.ofSeconds(5)), "gte", 2, 4);

    // when
    List<float[]> v = model.embedAll(List.of("uno", "dos", "tres"));

    // then
    assertThat(v).hasSize(3);
    assertThat(v.get(0)[0]).isEqualTo(1f);
    assertThat(v.get(1)[0]).isEqualTo(2f);
    assertThat(ws.requests(PATH)).hasSize(2);
    assertThat(ws.requests(PATH).get(0).body().path("input").size()).isEqualTo(2);
    assertThat(ws.requests(PATH).get(0).authorization()).isEqualTo("Bearer dapi-test");
    assertThat(model.id()).isEqualTo("databricks/gte");
  }

  @Test
  void should_back_off_and_retry_when_rate_limited_or_the_server_fails() {
    // given: 429 with Retry-After, then a 503, then the answer
    ws.on(PATH, new LoopbackWorkspace.Response(429, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"rate limit\"}",
            Map.of("Retry-After", "0.05"), 0))
        .on(PATH, 503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"scaling up\"}")
        .on(PATH, 200, answer(1, 3));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(ws.http(5, Duration.ofSeconds(5)), "gte", 8, 0);

    // when
    float[] v = model.embed("hola");

    // then
    assertThat(v).hasSize(3);
    assertThat(model.dimension()).isEqualTo(3);
    assertThat(ws.requests(PATH)).hasSize(3);
  }

  @Test
  void should_fail_with_the_api_message_when_the_endpoint_refuses() {
    // given
    ws.on(PATH, 403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"User does not have CAN_QUERY\"}");
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(ws.http(5, Duration.ofSeconds(5)), "gte", 8, 3);

    // when / then: no retry for a 4xx other than 429
    assertThatThrownBy(() -> model.embed("hola")).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("PERMISSION_DENIED").hasMessageContaining("CAN_QUERY");
    assertThat(ws.requests(PATH)).hasSize(1);
  }

  @Test
  void should_give_up_with_a_clear_error_when_the_endpoint_times_out() {
    // given
    ws.on(PATH, new LoopbackWorkspace.Response(200, answer(1, 3), Map.of(), 1_500));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(ws.http(2, Duration.ofMillis(200)), "gte", 8, 3);

    // when / then
    assertThatThrownBy(() -> model.embed("hola")).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("tras 2 intentos").hasMessageContaining("sin respuesta");
  }

  @Test
  void should_refuse_vectors_of_the_wrong_dimension() {
    // given
    ws.on(PATH, 200, answer(1, 5));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(ws.http(1, Duration.ofSeconds(5)), "gte", 8, 1024);

    // when / then
    assertThatThrownBy(() -> model.embed("hola")).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("5 dimensiones").hasMessageContaining("1024");
  }

  @Test
  void should_refuse_an_answer_with_fewer_vectors_than_texts() {
    // given
    ws.on(PATH, 200, answer(1, 3));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(ws.http(1, Duration.ofSeconds(5)), "gte", 8, 3);

    // when / then
    assertThatThrownBy(() -> model.embedAll(List.of("a", "b"))).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("1 vectores para 2 textos");
  }
}
