package io.datagent.bundle;

/**
 * One thing wrong with a bundle, located for a person: the file that holds it, the JSON path inside the
 * configuration, and what is wrong.
 *
 * <p>{@code context} says which view found it (a single file, or a target's merged view) and is left out of
 * {@link #sameAs} so that an error seen by several views is reported once.
 */
record Problem(String file, String path, String message, String context) {

  boolean sameAs(Problem other) {
    return file.equals(other.file) && path.equals(other.path) && message.equals(other.message);
  }

  @Override
  public String toString() {
    return file + ": " + path + ": " + message + (context.isEmpty() ? "" : " [" + context + "]");
  }
}
