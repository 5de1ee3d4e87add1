package io.datagent.agent;

/**
 * Where part of an answer comes from: a table, and when known the source file and the row a user would open
 * there ({@code _source_file}, {@code _source_row}).
 *
 * @param kind {@code "table"}, {@code "row"}, {@code "table_card"} or {@code "passage"}
 * @param excerpt the quoted text, or null
 */
public record SourceRef(String table, String sourceFile, Long sourceRow, String kind, String excerpt) {}
