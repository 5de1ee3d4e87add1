package io.datagent.retrieval.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.retrieval.EmbeddingException;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Fault;
import io.datagent.testkit.FakeWorkspace.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabricksEmbeddingModelTest {

  static final String PATH = "/serving-endpoints/gte/invocations";

  FakeWorkspace ws;
  Platform platform;

  @BeforeEach
  void start() {
    ws = new FakeWorkspace();
    ws.auth().allowToken("dapi-test");
    platform = new Platform(PlatformConfig.pat(ws.url(), "dapi-test"));
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
    ws.serving().raw("gte", Reply.json(answer(2, 4))).raw("gte", Reply.json(answer(1, 4)));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(platform.serving(), "gte", 2, 4);

    // when
    List<float[]> v = model.embedAll(List.of("uno", "dos", "tres"));

    // then
    assertThat(v).hasSize(3);
    assertThat(v.get(0)[0]).isEqualTo(1f);
    assertThat(v.get(1)[0]).isEqualTo(2f);
    assertThat(ws.calls(PATH)).hasSize(2);
    assertThat(ws.serving().received().get(0).path("input").size()).isEqualTo(2);
    assertThat(ws.calls(PATH).get(0).authorization()).isEqualTo("Bearer dapi-test");
    assertThat(model.id()).isEqualTo("databricks/gte");
  }

  @Test
  void should_retry_when_rate_limited_or_the_endpoint_is_scaling_up() {
    // given: 429 with Retry-After, then a 503, then the answer
    ws.fail(PATH, Fault.retryAfter(429, 0), Fault.retryAfter(503, 0));
    ws.serving().dimension("gte", 3);
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(platform.serving(), "gte", 8, 0);

    // when
    float[] v = model.embed("hola");

    // then
    assertThat(v).hasSize(3);
    assertThat(model.dimension()).isEqualTo(3);
    assertThat(ws.calls(PATH)).hasSize(3);
  }

  @Test
  void should_fail_with_a_spanish_message_and_the_api_detail_when_the_endpoint_refuses() {
    // given
    ws.fail(PATH, Fault.error(403, "PERMISSION_DENIED", "User does not have CAN_QUERY on endpoint gte"));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(platform.serving(), "gte", 8, 3);

    // when / then: no retry for a 4xx other than 429
    assertThatThrownBy(() -> model.embed("hola")).isInstanceOf(EmbeddingException.class)
        .hasMessageStartingWith("No hay permiso").hasMessageContaining("PERMISSION_DENIED").hasMessageContaining("CAN_QUERY");
    assertThat(ws.calls(PATH)).hasSize(1);
  }

  @Test
  void should_refuse_vectors_of_the_wrong_dimension() {
    // given
    ws.serving().raw("gte", Reply.json(answer(1, 5)));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(platform.serving(), "gte", 8, 1024);

    // when / then
    assertThatThrownBy(() -> model.embed("hola")).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("5 dimensiones").hasMessageContaining("1024");
  }

  @Test
  void should_refuse_an_answer_with_fewer_vectors_than_texts() {
    // given
    ws.serving().raw("gte", Reply.json(answer(1, 3)));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(platform.serving(), "gte", 8, 3);

    // when / then
    assertThatThrownBy(() -> model.embedAll(List.of("a", "b"))).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("1 vectores para 2 textos");
  }
}
