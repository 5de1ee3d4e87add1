package io.datagent.app.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Port: what the Datos page reads about the data: the serving tables with their comments, a preview of each, and the
 * ingestion history.
 *
 * <p>One implementation, {@link AgentDataCatalog}, over the agent's own ports (its {@code TableCatalog} and
 * {@code SqlExecutor}), so the page sees exactly what the agent can query: on Databricks through the SQL warehouse,
 * locally through Spark. NOTE: only table names the catalog listed itself ever reach SQL; {@link #preview} of an
 * unknown name is empty, never an error.
 */
public interface DataCatalog {

  /** The tables of the serving schema (internal ones, starting with an underscore, left out), by name; columns may be empty. */
  List<TableInfo> tables();

  /** One listed table with its columns; empty when there is no such table. */
  Optional<TableInfo> describe(String table);

  /**
   * Up to {@code limit} rows of a listed table; empty when no such table.
   *
   * @param userToken the user's forwarded token, so the rows are read with the user's own permissions; null: the App's
   */
  Optional<Rows> preview(String table, int limit, String userToken);

  /** The latest lines of the ingestion log, newest first; only those of {@code batchId} when it is not null. */
  List<IngestionEntry> ingestions(String batchId, int limit);

  /** Forget anything cached (called after an upload was loaded). */
  default void refresh() {}

  default Optional<TableInfo> table(String name) {
    return tables().stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
