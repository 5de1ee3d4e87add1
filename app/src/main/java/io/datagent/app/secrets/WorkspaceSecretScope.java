package io.datagent.app.secrets;

import io.datagent.platform.secrets.Secrets;
import java.util.Optional;

/**
 * A workspace secret scope read through the platform module as the App's service principal, which has READ on the
 * scope (resources/secrets.yml).
 */
public final class WorkspaceSecretScope implements SecretScope {

  private final Secrets secrets;
  private final String scope;

  public WorkspaceSecretScope(Secrets secrets, String scope) {
    this.secrets = secrets;
    this.scope = scope;
  }

  @Override
  public String name() {
    return scope;
  }

  @Override
  public Optional<String> read(String key) {
    return secrets.read(scope, key);
  }
}
