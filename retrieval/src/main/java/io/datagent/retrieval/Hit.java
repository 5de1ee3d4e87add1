package io.datagent.retrieval;

/**
 * One search result: a document and where it comes from.
 *
 * @param id         stable document id (also the key of {@code serving.documents})
 * @param kind       one of {@link DocumentKind}
 * @param table      the serving table the document describes, or null for passages of uploaded text files
 * @param sourceFile the uploaded file the row or passage comes from (relative to the uploads Volume), or null
 * @param sourceRow  the line or Excel row a user would open in that file, or null
 * @param text       the document text
 * @param score      higher is better; for hybrid search the reciprocal-rank-fusion score
 */
public record Hit(String id, String kind, String table, String sourceFile, Long sourceRow, String text, double score) {}
