package io.datagent.agent;

/**
 * One tool call made while answering: the tool, its JSON arguments, what it returned (shortened), how long it took
 * and the error it raised, if any.
 */
public record ToolCallTrace(String tool, String arguments, String result, long millis, String error) {}
