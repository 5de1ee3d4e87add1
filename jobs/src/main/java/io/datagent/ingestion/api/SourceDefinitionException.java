package io.datagent.ingestion.api;

/** A source file that cannot be used; the message (Spanish) names the file and the key at fault. */
public final class SourceDefinitionException extends RuntimeException {
  public SourceDefinitionException(String message) {
    super(message);
  }
}
