package io.datagent.optimization;

/**
 * Where the agent's configuration lives: the prompt registry's {@code production} alias for the LLM agent, or the
 * retrieval tuning stored with the App's state for the agent without an LLM.
 *
 * <p>NOTE: {@link #promote} is the loop's only write that changes what users get, and it is its last step: a run
 * stopped before it leaves the current configuration untouched.
 */
public interface Promoter {

  /** The configuration served now. */
  Candidate current();

  /** Makes {@code winner} the served configuration; returns a label of what is served now (e.g. {@code v4}). */
  String promote(Candidate winner, KindScores before, KindScores after, String reason);
}
