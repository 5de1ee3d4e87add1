package io.datagent.app.secrets;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.NotFound;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A workspace secret scope read with databricks-sdk-java ({@code GET /api/2.0/secrets/get}) as the App's service
 * principal, which has READ on the scope (resources/secrets.yml). The API returns the value base64-encoded.
 */
public final class WorkspaceSecretScope implements SecretScope {

  private final WorkspaceClient workspace;
  private final String scope;

  public WorkspaceSecretScope(WorkspaceClient workspace, String scope) {
    this.workspace = workspace;
    this.scope = scope;
  }

  @Override
  public String name() {
    return scope;
  }

  @Override
  public Optional<String> read(String key) {
    String value;
    try {
      value = workspace.secrets().getSecret(scope, key).getValue();
    } catch (NotFound e) { // RESOURCE_DOES_NOT_EXIST: no such key (or scope)
      return Optional.empty();
    }
    return value == null ? Optional.empty()
        : Optional.of(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
  }
}
