package io.datagent.retrieval;

/** An embedding model could not be loaded or did not answer as expected; the message says what to do. */
public class EmbeddingException extends RuntimeException {

  public EmbeddingException(String message) {
    super(message);
  }

  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }
}
