package io.datagent.agent;

/**
 * Progress of one answer, for a UI that shows it as it happens. Every method has a no-op default; calls come from
 * the thread running {@link Agent#answer}.
 */
public interface AnswerListener {

  AnswerListener NONE = new AnswerListener() {};

  /** A short Spanish status line ("Buscando en los documentos…"). */
  default void onStatus(String s) {}

  /** A piece of the answer text, in order (the pieces since the last {@link #onTokensDiscarded} add up to the answer). */
  default void onToken(String t) {}

  /**
   * The pieces sent so far are not the answer and should no longer be shown: the model went on to call a tool after
   * some text, or its stream broke midway and another answer (the extractive one) follows.
   */
  default void onTokensDiscarded() {}

  /** A guarded SQL statement about to run. */
  default void onSql(String sql) {}

  /** The model (or the extractive path) called a tool. */
  default void onToolCall(String name, String argsJson) {}
}
