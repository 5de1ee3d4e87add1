package io.datagent.app.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.testkit.FakeWorkspace;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading the models the ingestion job keeps in the uploads Volume, over the Files API (the loopback workspace). */
class VolumeSemanticModelSourceTest {

  @Test
  void should_read_the_kept_model_through_the_files_api_with_the_apps_token() {
    String yaml = "version: \"1.1\"\nsource: serving.ventas\n";
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.auth().allowToken("sp-token");
      ws.store().putFile("/Volumes/main/raw/uploads/_semantica/modelos/ventas.yaml", yaml.getBytes(StandardCharsets.UTF_8));
      Platform platform = new Platform(PlatformConfig.pat(ws.url(), "sp-token"));
      VolumeSemanticModelSource source = new VolumeSemanticModelSource(platform.files(), "/Volumes/main/raw/uploads/");

      assertThat(source.yaml("serving.ventas")).contains(yaml);
      assertThat(ws.calls("/api/2\\.0/fs/files/.+")).first().satisfies(c -> {
        assertThat(c.path()).isEqualTo("/api/2.0/fs/files/Volumes/main/raw/uploads/_semantica/modelos/ventas.yaml");
        assertThat(c.authorization()).isEqualTo("Bearer sp-token");
      });
      assertThat(source.yaml("serving.otra")).isEmpty();
    }
  }

  @Test
  void should_read_no_file_when_the_name_is_not_a_serving_table_or_the_workspace_is_down() {
    Platform down = new Platform(PlatformConfig.pat("http://127.0.0.1:9", "sp-token"));
    VolumeSemanticModelSource source = new VolumeSemanticModelSource(down.files(), "/Volumes/main/raw/uploads");

    assertThat(source.yaml("serving.ventas")).isEmpty();
    assertThat(source.yaml("serving.../../secreto")).isEmpty();
  }
}
