package io.datagent.app.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.ToolCallTrace;
import io.datagent.app.LoopbackServer;
import io.datagent.app.LoopbackServer.Reply;
import io.datagent.app.state.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OtlpTraceExporterTest {

  @Test
  void should_post_protobuf_spans_to_the_mlflow_experiment_when_a_question_is_exported() {
    try (LoopbackServer mlflow = new LoopbackServer(r -> new Reply(200, "application/x-protobuf", new byte[0]))) {
      OtlpTraceExporter exporter = new OtlpTraceExporter(mlflow.url() + "/v1/traces", "123",
          () -> Map.of("Authorization", "Bearer t"), new JsonCodec());
      exporter.export(new QuestionTrace(UUID.randomUUID(), Instant.now(), "ana@example.com", UUID.randomUUID(),
          "¿Cuánta potencia hay en Cuyo?", "1200 MW", "extractive", List.of("SELECT 1"),
          List.of(new ToolCallTrace("run_sql", "{\"sql\":\"SELECT 1\"}", "1 fila", 12, null)), List.of(), 40, 0, 0, null));
      assertThat(exporter.flush()).isTrue();
      exporter.close();

      LoopbackServer.Received r = mlflow.received.get(0);
      assertThat(r.path()).isEqualTo("/v1/traces");
      assertThat(r.contentType()).isEqualTo("application/x-protobuf");
      assertThat(r.headers().get("X-mlflow-experiment-id")).containsExactly("123");
      assertThat(r.authorization()).isEqualTo("Bearer t");
      String body = new String(r.body(), StandardCharsets.UTF_8);
      assertThat(body).contains("pregunta", "run_sql", "mlflow.spanInputs", "¿Cuánta potencia hay en Cuyo?", "datagent-app");
    }
  }
}
