package io.datagent.agent.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * The agent's versioned system prompt: a Markdown file, never a string in code. By default the bundled
 * {@code prompts/system-v1.md}; with a path (DATAGENT_SYSTEM_PROMPT) that file, read again whenever its
 * modification time changes, so an edited prompt takes effect on the next question without a restart.
 *
 * <p>NOTE: if the override file disappears or cannot be read, the last text read stays in use.
 */
public final class SystemPrompt implements PromptSource {

  public static final String BUNDLED = "prompts/system-v1.md";

  private final Path file;
  private String text;
  private String version;
  private FileTime loadedAt;

  private SystemPrompt(Path file, String text, String version) {
    this.file = file;
    this.text = text;
    this.version = version;
  }

  /** The bundled prompt. */
  public static SystemPrompt bundled() {
    try (InputStream in = SystemPrompt.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + BUNDLED);
      }
      return new SystemPrompt(null, new String(in.readAllBytes(), StandardCharsets.UTF_8), "system-v1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The prompt in {@code file}, reloaded when it changes; the file must exist now. */
  public static SystemPrompt file(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("DATAGENT_SYSTEM_PROMPT: no such file " + file.toAbsolutePath());
    }
    SystemPrompt p = new SystemPrompt(file, null, null);
    p.reload();
    return p;
  }

  /** The current text, re-read first when the file changed. */
  public synchronized String text() {
    reload();
    return text;
  }

  /** The version label: {@code system-v1} for the bundled prompt, the file name for an override. */
  public synchronized String version() {
    reload();
    return version;
  }

  @Override
  public synchronized Served current() {
    reload();
    return new Served(text, version, null);
  }

  private void reload() {
    if (file == null) {
      return;
    }
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (text == null || !modified.equals(loadedAt)) {
        text = Files.readString(file, StandardCharsets.UTF_8);
        loadedAt = modified;
        String name = file.getFileName().toString();
        version = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
      }
    } catch (IOException e) {
      if (text == null) {
        throw new UncheckedIOException("cannot read system prompt " + file, e);
      }
    }
  }
}
