package io.datagent.retrieval;

/**
 * One row of {@code serving.document_embeddings} as the index loads it: the document and its vector.
 *
 * @param model  id of the {@link EmbeddingModel} that produced {@code vector}
 * @param vector the embedding ({@code model}'s dimension), or null when the row has none
 */
public record IndexedDocument(
    String id, String kind, String table, String sourceFile, Long sourceRow, String text, String model, float[] vector) {}
