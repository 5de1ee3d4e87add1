package io.datagent.ingestion;

import io.datagent.spark.TableRef;

/**
 * What one ingestion run reads and where it writes.
 *
 * @param catalog       Unity Catalog catalog, or null for the session's default (locally: the workspace)
 * @param rawSchema     schema of the text layer, the quarantine and the ingestion log
 * @param servingSchema schema of the typed tables
 * @param source        a folder (the uploads Volume) or a single file
 * @param archive       folder for a content-addressed copy of every processed file, or null
 * @param batchId       identifier stamped on every row written by this run
 * @param parallelism   parse tasks per large file; 0 = the cluster's default parallelism
 * @param only          relative paths under {@code source} to load (empty: every file)
 * @param semantic      where each loaded table's semantic model is kept, and whether it is published as a metric view
 */
public record IngestConfig(
    String catalog, String rawSchema, String servingSchema, String source, String archive, String batchId, int parallelism,
    java.util.List<String> only, io.datagent.ingestion.semantic.SemanticConfig semantic) {

  public IngestConfig {
    semantic = semantic == null ? io.datagent.ingestion.semantic.SemanticConfig.DISABLED : semantic;
  }

  public TableRef raw(String table) {
    return TableRef.of(catalog, rawSchema, table);
  }

  public TableRef serving(String table) {
    return TableRef.of(catalog, servingSchema, table);
  }

  public TableRef log() {
    return raw("_ingestion_log");
  }

  public TableRef quarantine() {
    return raw("_quarantine");
  }
}
