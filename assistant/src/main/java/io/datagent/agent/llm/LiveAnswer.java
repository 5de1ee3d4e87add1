package io.datagent.agent.llm;

import io.datagent.agent.AnswerListener;

/**
 * The answer text as the user sees it while the model streams it, sent to {@link AnswerListener#onToken}: leading
 * whitespace is dropped and trailing whitespace held back until more text follows, so that the tokens sent add up to
 * exactly the final answer ({@link #complete} sends what the final text adds, the SQL and sources footer). Text the
 * model streamed before calling a tool, or before its stream broke, is withdrawn with
 * {@link AnswerListener#onTokensDiscarded}. Used from the thread answering.
 */
final class LiveAnswer {

  private final AnswerListener listener;
  private final StringBuilder shown = new StringBuilder();
  private final StringBuilder held = new StringBuilder();

  LiveAnswer(AnswerListener listener) {
    this.listener = listener;
  }

  /** A piece of the model's text, as streamed. */
  void piece(String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    String s = held + text;
    held.setLength(0);
    if (shown.length() == 0) {
      s = s.stripLeading();
    }
    String core = s.stripTrailing();
    held.append(s, core.length(), s.length());
    if (!core.isEmpty()) {
      send(core);
    }
  }

  /** Whether the user saw any of the text yet. */
  boolean isEmpty() {
    return shown.length() == 0;
  }

  /** The text shown so far. */
  String shown() {
    return shown.toString();
  }

  /** The text streamed is not the answer (a tool call follows, or the stream failed): the user's view is cleared. */
  void discard() {
    if (shown.length() > 0) {
      listener.onTokensDiscarded();
    }
    shown.setLength(0);
    held.setLength(0);
  }

  /** The final answer: sends what it adds to the text shown, or all of it when it does not continue that text. */
  void complete(String answer) {
    held.setLength(0);
    if (answer.startsWith(shown.toString())) {
      String rest = answer.substring(shown.length());
      if (!rest.isEmpty()) {
        send(rest);
      }
    } else {
      discard();
      send(answer);
    }
  }

  private void send(String text) {
    shown.append(text);
    listener.onToken(text);
  }
}
