package io.datagent.app.trace;

/**
 * Port: sends question traces somewhere besides {@code app.traces} (an MLflow tracking server over OpenTelemetry).
 * Implementations must not block the request that produced the trace and must never throw.
 */
public interface TraceExporter extends AutoCloseable {

  void export(QuestionTrace trace);

  @Override
  default void close() {}

  /** Exports nothing (no tracking server configured). */
  static TraceExporter none() {
    return t -> {};
  }
}
