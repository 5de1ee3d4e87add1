package io.datagent.agent.sql;

import java.util.List;

/**
 * A statement the {@link SqlGuard} accepted, rewritten: tables qualified with their schema, LIMIT added or clamped.
 *
 * @param sql the statement to run
 * @param tables the tables it reads, as {@code schema.table} (or {@code catalog.schema.table})
 * @param limit the row limit it carries
 */
public record GuardedSql(String sql, List<String> tables, long limit) {}
