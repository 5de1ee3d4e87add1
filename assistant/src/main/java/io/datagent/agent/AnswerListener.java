package io.datagent.agent;

/**
 * Progress of one answer, for a UI that shows it as it happens. Every method has a no-op default; calls come from
 * the thread running {@link Agent#answer}.
 */
public interface AnswerListener {

  AnswerListener NONE = new AnswerListener() {};

  /** A short Spanish status line ("Buscando en los documentos…"). */
  default void onStatus(String s) {}

  /** A piece of the answer text, in order. */
  default void onToken(String t) {}

  /** A guarded SQL statement about to run. */
  default void onSql(String sql) {}

  /** The model (or the extractive path) called a tool. */
  default void onToolCall(String name, String argsJson) {}
}
