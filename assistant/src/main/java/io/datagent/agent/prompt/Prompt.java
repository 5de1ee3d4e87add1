package io.datagent.agent.prompt;

import java.util.List;

/**
 * The system message for one question: the versioned instructions plus the schema cards of the relevant tables.
 *
 * @param version the system prompt's version label
 * @param registryVersion the prompt registry's version number the instructions came from, or null (a file)
 * @param tables the tables whose cards are included, best first
 * @param tokens the system message's size in tokens ({@link TokenCounter})
 */
public record Prompt(String text, String version, Integer registryVersion, List<String> tables, int tokens) {}
