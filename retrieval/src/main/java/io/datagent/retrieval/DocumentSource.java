package io.datagent.retrieval;

import java.util.function.Consumer;

/**
 * Where the index reads its documents and vectors from: the {@code document_embeddings} Delta table, read locally
 * with Delta Kernel ({@code io.datagent.local.retrieval.DeltaKernelDocumentSource}) or on Databricks through a SQL
 * warehouse ({@link io.datagent.retrieval.databricks.WarehouseDocumentSource}).
 */
public interface DocumentSource {

  /** The table's current version (cheap; polled to know when to rebuild the index). */
  long version();

  /**
   * Streams every document of {@code version} to {@code sink}. Throws {@link IllegalStateException} with a message
   * that says what to run when the table does not exist.
   */
  void read(long version, Consumer<IndexedDocument> sink);

  /** Where the documents come from, for messages (e.g. {@code serving.document_embeddings}). */
  String describe();
}
