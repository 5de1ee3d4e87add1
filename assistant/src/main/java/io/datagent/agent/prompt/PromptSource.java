package io.datagent.agent.prompt;

/**
 * Where the agent's system instructions come from, asked once per question: a bundled or overriding file
 * ({@link SystemPrompt}), or a version of a prompt registry served by alias
 * ({@link io.datagent.agent.prompt.registry.AliasedPromptSource}).
 */
public interface PromptSource {

  /** The instructions to answer the next question with; never null. */
  Served current();

  /**
   * Instructions as served.
   *
   * @param text the instructions (Markdown)
   * @param label a human label ({@code system-v1}, a file name, {@code production@3})
   * @param version the registry version number, or null when the text does not come from a registry
   */
  record Served(String text, String label, Integer version) {}
}
