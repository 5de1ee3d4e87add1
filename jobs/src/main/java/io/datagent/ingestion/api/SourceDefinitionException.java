package io.datagent.ingestion.api;

/** A source file that cannot be used (bad input: the command line prints only its message, which names the file and the key at fault, in Spanish). */
public final class SourceDefinitionException extends IllegalArgumentException {
  public SourceDefinitionException(String message) {
    super(message);
  }
}
