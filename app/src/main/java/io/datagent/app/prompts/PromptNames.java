package io.datagent.app.prompts;

import io.datagent.agent.prompt.registry.PromptRegistryException;
import java.util.regex.Pattern;

/** What a prompt name and an alias may look like, and the errors every registry side words the same way. */
final class PromptNames {

  /** A Unity Catalog three-part name or a plain one: letters, digits, underscores, dots, hyphens. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}");
  private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  private PromptNames() {}

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new PromptRegistryException("Nombre de prompt no válido: " + name, 400);
    }
  }

  /** A new version's name and text, checked the same way by every registry side. */
  static void checkNew(String name, String content) {
    checkName(name);
    if (content == null || content.isBlank()) {
      throw new PromptRegistryException("El texto del prompt está vacío.", 400);
    }
  }

  static void checkAlias(String alias) {
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw new PromptRegistryException("Alias no válido: " + alias + " (minúsculas, cifras, _ o -)", 400);
    }
  }

  static PromptRegistryException noSuchVersion(String name, int version) {
    return new PromptRegistryException("No existe la versión " + version + " del prompt " + name + ".", 404);
  }
}
