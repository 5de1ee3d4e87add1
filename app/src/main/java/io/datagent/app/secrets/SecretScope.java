package io.datagent.app.secrets;

import java.util.Optional;

/** A secret scope the App may read: a secret's value by key, empty when the scope has no such key. */
public interface SecretScope {

  /** The scope's name, as operators type it. */
  String name();

  /**
   * The value of {@code key}, or empty when it does not exist.
   *
   * @throws RuntimeException when the scope cannot be read (no permission, workspace unreachable); the message says why
   */
  Optional<String> read(String key);
}
