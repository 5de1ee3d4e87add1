package io.datagent.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.ingestion.api.SourceDefinitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's API source leaves behind what a real run would: the definition with the service's public base URL, and
 * pages and state naming that URL; the loopback replay serves the run only. No Spark (the extract step).
 */
class DemoApiSourceTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void should_keep_the_real_base_url_and_no_loopback_url_when_the_demo_extracted_from_the_replay(@TempDir Path uploads)
      throws IOException {
    // given
    String definition = Files.readString(ROOT.resolve(DemoApiSource.DEFINITION));
    String realBase = SourceDefinitions.parse("carburantes.yml", definition).baseUrl();
    List<String> progress = new ArrayList<>();

    // when
    DemoApiSource.Extracted x = DemoApiSource.extract(uploads, ROOT, progress::add);

    // then: fetched through the replay (this machine has no route to the real service), kept as the real one
    assertThat(x.note()).as(String.join("\n", progress)).isNull();
    assertThat(realBase).startsWith("https://").doesNotContain("127.0.0.1");
    Path kept = uploads.resolve("api/_sources/carburantes.yml");
    assertThat(Files.readString(kept)).isEqualTo(definition);
    assertThat(SourceDefinitions.parse("carburantes.yml", Files.readString(kept)).baseUrl()).isEqualTo(realBase);
    List<Path> files = files(uploads);
    assertThat(files).as("pages, meta and state written").hasSizeGreaterThan(2);
    assertThat(files).noneMatch(f -> text(f).contains("127.0.0.1"));
    assertThat(files).anyMatch(f -> text(f).contains(realBase + "/EstacionesTerrestres/FiltroMunicipio/52"));
    assertThat(progress).anyMatch(l -> l.contains("127.0.0.1") && l.contains("solo durante esta carga"));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  private static String text(Path f) {
    try {
      return new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
