package io.datagent.embedding;

import io.datagent.spark.TableRef;
import java.time.Duration;

/**
 * What one EmbedJob run reads, how it embeds and where it writes.
 *
 * @param catalog       Unity Catalog catalog, or null for the session's default (locally: the workspace)
 * @param rawSchema     schema of the ingestion log
 * @param servingSchema schema of the typed tables, {@code documents} and {@code document_embeddings}
 * @param uploads       the uploads Volume folder to read passages from, or null for none
 * @param embedder      the embedding provider and its settings
 * @param maxChars      chunk limit of row documents and passages, in characters
 * @param rebuild       embed everything again and replace the embeddings table in one commit (to change models)
 * @param vectorSearchIndex the TRIGGERED Vector Search index to sync after a run that changed vectors, or null for none
 * @param indexWait     how long to wait for that sync to finish (under the task's {@code timeout_seconds}, which the
 *                      embedding shares)
 */
public record EmbedConfig(String catalog, String rawSchema, String servingSchema, String uploads, EmbedderSpec embedder,
    int maxChars, boolean rebuild, String vectorSearchIndex, Duration indexWait) {

  public static final String DOCUMENTS = "documents";
  public static final String EMBEDDINGS = "document_embeddings";

  public TableRef serving(String table) {
    return TableRef.of(catalog, servingSchema, table);
  }

  public TableRef documents() {
    return serving(DOCUMENTS);
  }

  public TableRef embeddings() {
    return serving(EMBEDDINGS);
  }
}
