package io.datagent.app.trace;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.app.state.JsonCodec;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Exports each question as an OpenTelemetry trace over OTLP/HTTP (protobuf) to an MLflow tracking server's
 * {@code /v1/traces}, into the experiment named by the {@code x-mlflow-experiment-id} header: one AGENT span with the
 * question and answer as MLflow inputs/outputs, and one TOOL child span per tool call. Spans are batched in the
 * background; a server that is down costs dropped spans, never a failed answer.
 */
public final class OtlpTraceExporter implements TraceExporter {

  private final SdkTracerProvider provider;
  private final Tracer tracer;
  private final JsonCodec json;

  /**
   * @param endpoint     full URL, e.g. {@code http://mlflow:5000/v1/traces}
   * @param experimentId MLflow experiment id
   * @param auth         extra headers per export (a bearer token on Databricks), may return an empty map
   */
  public OtlpTraceExporter(String endpoint, String experimentId, Supplier<Map<String, String>> auth, JsonCodec json) {
    this.json = json;
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint(endpoint)
        .setTimeout(Duration.ofSeconds(10))
        .setHeaders(() -> {
          Map<String, String> h = new HashMap<>(auth.get());
          h.put("x-mlflow-experiment-id", experimentId);
          return h;
        })
        .build();
    this.provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "datagent-app"))))
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofSeconds(2)).build())
        .build();
    this.tracer = provider.get("io.datagent.app");
  }

  @Override
  public void export(QuestionTrace t) {
    try {
      long end = TimeUnit.MILLISECONDS.toNanos(t.createdAt().toEpochMilli());
      long start = end - TimeUnit.MILLISECONDS.toNanos(t.latencyMs());
      Span root = tracer.spanBuilder("pregunta").setSpanKind(SpanKind.SERVER).setStartTimestamp(start, TimeUnit.NANOSECONDS)
          .setAttribute("mlflow.spanType", "AGENT")
          .setAttribute("mlflow.spanInputs", json.write(Map.of("question", nz(t.question()))))
          .setAttribute("mlflow.spanOutputs", json.write(Map.of("answer", nz(t.answer()), "sql", t.sql())))
          .setAttribute("datagent.trace_id", t.id().toString())
          .setAttribute("datagent.user", nz(t.userEmail()))
          .setAttribute("datagent.conversation_id", String.valueOf(t.conversationId()))
          .setAttribute("datagent.mode", nz(t.mode()))
          .setAttribute("gen_ai.usage.input_tokens", t.promptTokens())
          .setAttribute("gen_ai.usage.output_tokens", t.completionTokens())
          .startSpan();
      if (t.promptVersion() != null) {
        root.setAttribute("datagent.prompt_version", t.promptVersion().longValue());
      }
      long cursor = start;
      for (Object call : t.toolCalls()) {
        JsonNode c = json.mapper().valueToTree(call);
        long dur = TimeUnit.MILLISECONDS.toNanos(c.path("millis").asLong(0));
        Span tool = tracer.spanBuilder(c.path("tool").asText("herramienta")).setParent(Context.root().with(root))
            .setStartTimestamp(cursor, TimeUnit.NANOSECONDS)
            .setAttribute("mlflow.spanType", "TOOL")
            .setAttribute("mlflow.spanInputs", c.path("arguments").asText(""))
            .setAttribute("mlflow.spanOutputs", json.write(c.path("result").asText("")))
            .startSpan();
        if (!c.path("error").isMissingNode() && !c.path("error").isNull()) {
          tool.setStatus(StatusCode.ERROR, c.path("error").asText());
        }
        cursor = Math.min(end, cursor + dur);
        tool.end(cursor, TimeUnit.NANOSECONDS);
      }
      if (t.error() != null) {
        root.setStatus(StatusCode.ERROR, t.error());
      }
      root.end(end, TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      // never fail an answer because of telemetry
    }
  }

  /** Sends what is batched (tests, shutdown). */
  public boolean flush() {
    return provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess();
  }

  @Override
  public void close() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

}
