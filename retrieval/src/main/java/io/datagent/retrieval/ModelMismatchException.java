package io.datagent.retrieval;

/**
 * The embeddings were built by a different model (or dimension) than the one that would embed queries; searching
 * would compare incomparable vectors, so the index is refused. The message says how to re-embed.
 */
public class ModelMismatchException extends IllegalStateException {

  public ModelMismatchException(String source, String indexModel, int indexDimension, String queryModel, int queryDimension) {
    super(source + " se construyó con el modelo '" + indexModel + "' (" + indexDimension + " dimensiones), pero las "
        + "consultas se vectorizan con '" + queryModel + "' (" + queryDimension + " dimensiones): no se pueden mezclar. "
        + "Vuelva a generar los embeddings con el modelo de las consultas: localmente ./agent embed --rebuild; en "
        + "Databricks ejecute EmbedJob con --provider databricks --endpoint <el endpoint de la App> --rebuild.");
  }
}
