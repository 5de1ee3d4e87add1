package io.datagent.evaluation.judge;

import io.datagent.agent.prompt.registry.AliasAudit;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.agent.prompt.registry.PromptVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instructions of one judge (its system message) and which version they are: a prompt registry version under
 * the judge's own name ({@code <name>@production=v3}), or the bundled file with its content hash
 * ({@code prompts/judge-groundedness-v1.md#sha256:0a1b2c3d4e5f}) when no registry is given or it cannot be read.
 * The version is recorded with every verdict, so scores from different judge prompts are never mixed up silently.
 */
public record JudgePrompt(String name, String text, String version) {

  private static final Logger LOG = LoggerFactory.getLogger(JudgePrompt.class);

  /** The two judges and the bundled text each is seeded with. */
  public enum Kind {
    GROUNDEDNESS("datagent_judge_groundedness", "prompts/judge-groundedness-v1.md"),
    RELEVANCE("datagent_judge_relevance", "prompts/judge-relevance-v1.md");

    private final String promptName;
    private final String resource;

    Kind(String promptName, String resource) {
      this.promptName = promptName;
      this.resource = resource;
    }

    /**
     * The judge's registry name beside the agent's own prompt: {@code cat.schema.datagent_system_prompt} gives
     * {@code cat.schema.datagent_judge_groundedness} (a Unity Catalog name), {@code datagent_system_prompt} gives
     * {@code datagent_judge_groundedness}.
     */
    public String nameBeside(String systemPromptName) {
      int dot = systemPromptName == null ? -1 : systemPromptName.lastIndexOf('.');
      return dot < 0 ? promptName : systemPromptName.substring(0, dot + 1) + promptName;
    }
  }

  /** The bundled text, versioned by its hash. */
  public static JudgePrompt bundled(Kind kind) {
    String text = read(kind.resource);
    return new JudgePrompt(kind.promptName, text, kind.resource + "#sha256:" + PromptVersion.sha256(text).substring(0, 12));
  }

  /**
   * The version the registry's {@value PromptRegistry#PRODUCTION} alias points at under {@code name}; an empty name
   * is seeded with the bundled text first (version 1, made production). When the registry fails the bundled text is
   * used, and its version says so.
   */
  public static JudgePrompt fromRegistry(PromptRegistry registry, String name, Kind kind, AliasAudit audit) {
    JudgePrompt file = bundled(kind);
    try {
      PromptVersion v = new PromptSeed(registry, name, file.text(), audit).ensure();
      return new JudgePrompt(name, v.content(), name + "@" + PromptRegistry.PRODUCTION + "=v" + v.version());
    } catch (RuntimeException e) {
      LOG.warn("judge prompt {}: the registry could not be read ({}); using {}", name, e.getMessage(), file.version());
      return file;
    }
  }

  private static String read(String resource) {
    try (InputStream in = JudgePrompt.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
