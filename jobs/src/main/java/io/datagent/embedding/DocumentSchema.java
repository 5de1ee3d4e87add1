package io.datagent.embedding;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Column layouts of {@code serving.documents} and {@code serving.document_embeddings}. */
public final class DocumentSchema {

  /** A document before it is stored: no timestamp yet. */
  public static final StructType DOCUMENT = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("table", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, true)
      .add("source_row", DataTypes.LongType, true)
      .add("text", DataTypes.StringType, false)
      .add("content_hash", DataTypes.StringType, false);

  /** An embedded document before it is stored (vector plus the document's columns, for a self-contained index). */
  public static final StructType EMBEDDED = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("model", DataTypes.StringType, false)
      .add("dimension", DataTypes.IntegerType, false)
      .add("vector", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("content_hash", DataTypes.StringType, false)
      .add("kind", DataTypes.StringType, false)
      .add("table", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, true)
      .add("source_row", DataTypes.LongType, true)
      .add("text", DataTypes.StringType, false);

  public static final String DOCUMENTS_COMMENT = "Textos que el agente busca: una ficha por tabla (table_card), cada fila "
      + "como texto (row) y pasajes de archivos de texto o Markdown (passage). Los escribe EmbedJob.";
  public static final String EMBEDDINGS_COMMENT = "Vectores de serving.documents (con su texto y origen, para que el "
      + "índice se cargue de una sola tabla). Un solo modelo por tabla (columnas model y dimension). Los escribe EmbedJob.";

  private DocumentSchema() {}
}
