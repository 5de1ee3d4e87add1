package io.datagent.app.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.app.LoopbackServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading the models the ingestion job keeps in the uploads Volume, over the Files API (a loopback workspace). */
class VolumeSemanticModelSourceTest {

  @Test
  void should_read_the_kept_model_through_the_files_api_with_the_apps_token() {
    String yaml = "version: \"1.1\"\nsource: serving.ventas\n";
    try (LoopbackServer ws = new LoopbackServer(r -> r.path().endsWith("/ventas.yaml")
        ? new LoopbackServer.Reply(200, "application/octet-stream", yaml.getBytes(StandardCharsets.UTF_8))
        : new LoopbackServer.Reply(404, "application/json", "{\"error_code\":\"NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8)))) {
      VolumeSemanticModelSource source = new VolumeSemanticModelSource(URI.create(ws.url()), () -> "tok",
          "/Volumes/main/raw/uploads");

      assertThat(source.yaml("serving.ventas")).contains(yaml);
      assertThat(ws.received.get(0).path()).isEqualTo("/api/2.0/fs/files/Volumes/main/raw/uploads/_semantica/modelos/ventas.yaml");
      assertThat(ws.received.get(0).authorization()).isEqualTo("Bearer tok");
      assertThat(source.yaml("serving.otra")).isEmpty();
    }
  }

  @Test
  void should_read_no_file_when_the_name_is_not_a_serving_table_or_the_workspace_is_down() {
    VolumeSemanticModelSource down = new VolumeSemanticModelSource(URI.create("http://127.0.0.1:9"), () -> "tok",
        "/Volumes/main/raw/uploads");

    assertThat(down.yaml("serving.ventas")).isEmpty();
    assertThat(down.yaml("serving.../../secreto")).isEmpty();
  }
}
