package io.datagent.app.secrets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The App's optional secrets, read once at start: each {@link AppSecret} already in the environment is kept, the rest
 * are read from the scope. The App starts either way; what is still missing becomes a line on the Monitor page, and a
 * secret put later is read at the next start.
 *
 * @param environment the process environment plus every secret found
 * @param missing     one Spanish line per secret not found or not readable (what goes without it, how to put it)
 */
public record AppSecrets(Map<String, String> environment, List<String> missing) {

  /** Reads what {@code env} lacks from {@code scope}; never throws for a secret, only records it as missing. */
  public static AppSecrets resolve(Map<String, String> env, SecretScope scope) {
    Map<String, String> out = new HashMap<>(env);
    List<String> missing = new ArrayList<>();
    for (AppSecret secret : AppSecret.ALL) {
      String present = env.get(secret.variable());
      if (present != null && !present.isBlank()) {
        continue;
      }
      try {
        Optional<String> value = scope.read(secret.key()).filter(v -> !v.isBlank());
        if (value.isPresent()) {
          out.put(secret.variable(), value.get());
        } else {
          missing.add(secret.missingIn(scope.name(), null));
        }
      } catch (RuntimeException e) {
        // The reason, never a value: the message of a refused read names the scope and key at most.
        missing.add(secret.missingIn(scope.name(), "no se pudo leer: " + e.getMessage()));
      }
    }
    return new AppSecrets(Map.copyOf(out), List.copyOf(missing));
  }

  /** Without a scope (an App deployed outside the bundle): every secret not in the environment is missing. */
  public static AppSecrets withoutScope(Map<String, String> env) {
    return resolve(env, new SecretScope() {
      @Override
      public String name() {
        return "(ninguno: DATAGENT_SECRET_SCOPE no está definida)";
      }

      @Override
      public Optional<String> read(String key) {
        return Optional.empty();
      }
    });
  }
}
