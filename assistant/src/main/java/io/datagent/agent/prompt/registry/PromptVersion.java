package io.datagent.agent.prompt.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One immutable version of a registered prompt, with the aliases pointing at it when it was read.
 *
 * @param sha256 the SHA-256 of {@code content} (UTF-8), lower-case hex: what makes registering idempotent
 * @param author who registered it (an e-mail, or {@code datagent} for the bundled seed)
 * @param message why (the commit message)
 */
public record PromptVersion(String name, int version, String content, String sha256, String author, String message,
    Instant createdAt, List<String> aliases) {

  public PromptVersion {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The SHA-256 of a prompt text as the registry stores it. */
  public static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
