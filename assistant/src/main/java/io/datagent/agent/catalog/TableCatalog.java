package io.datagent.agent.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The tables the agent may query, with their documentation: table comments, column types and comments, sample
 * values. Schema cards for the prompt are rendered from it by {@link SchemaCards}.
 *
 * <p>Implementations: {@link DatabricksTableCatalog} (information_schema through the SQL warehouse) and, locally,
 * {@code io.datagent.local.agent.SparkTableCatalog} (Spark's catalog); {@link CachedTableCatalog} keeps either
 * for a while.
 *
 * <p>NOTE: lists only the schemas the agent may read; throws {@link CatalogException} when the engine fails.
 */
public interface TableCatalog {

  /** Tables of the readable schemas that hold no business data (the search index's documents). */
  java.util.Set<String> INTERNAL = java.util.Set.of("document_embeddings", "documents");

  /** Whether a table is shown to the agent: not internal, not prefixed with {@code _} (logs, quarantine). */
  static boolean visible(String name) {
    return !name.startsWith("_") && !INTERNAL.contains(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** Every readable table, sorted by qualified name. */
  List<TableInfo> listTables();

  /**
   * Columns and samples of one table, named {@code schema.table} or {@code table} (the default schema), or empty
   * when there is no such readable table.
   */
  Optional<TableDescription> describe(String table);

  /**
   * Like {@link #describe} but without sample values, for callers that only match names and comments;
   * implementations where samples cost a query override it.
   */
  default Optional<TableDescription> outline(String table) {
    return describe(table);
  }
}
