package io.datagent.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Databricks call goes through the platform module (databricks-sdk-java or its one extension): production
 * sources elsewhere hold no JDK HTTP client and no hand-built Databricks REST path, and the loopback fake workspace
 * (testkit) is a test-scope dependency only, except in bench, which is never shipped.
 */
class PlatformBoundaryTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Databricks REST paths in string literals: /api/2.x/, serving invocations, the OAuth token endpoint. */
  static final Pattern REST_PATH = Pattern.compile("\"[^\"\\n]*(/api/2\\.\\d|/serving-endpoints/|/oidc/v1/token)[^\"\\n]*\"");
  static final Pattern JDK_HTTP = Pattern.compile("java\\.net\\.http\\.HttpClient\\b|\\bHttpClient\\.newBuilder\\(|\\bHttpClient\\.newHttpClient\\(");

  /**
   * Files that may use the JDK client because they talk to no Databricks service, or that move out of main code
   * in another change; each with its reason. The test fails when one of them no longer needs its entry.
   */
  static final Map<String, String> ALLOWED = Map.of(
      "monitor/src/main/java/io/datagent/jobmonitor/classify/HttpChatModel.java",
      "an OpenAI-compatible chat server (OPENAI_BASE_URL); a Databricks endpoint goes through ServingChatModel",
      "bench/src/main/java/io/datagent/bench/app/AppBenchmark.java",
      "the benchmark calls the local App over HTTP, not Databricks",
      "jobs/src/main/java/io/datagent/ingestion/api/PageFetcher.java",
      "REST API sources are third-party APIs (WordPress, the fuel-price service), not Databricks",
      "app/src/main/java/io/datagent/app/prompts/MlflowPromptApi.java",
      "MLflow's Unity Catalog prompt REST, on the SDK's ApiClient (auth, retries); to move into platform",
      "bench/src/main/java/io/datagent/bench/ApiBenchmark.java",
      "the bare fetch loop of the API-source benchmark, against its own loopback server, not Databricks");

  @Test
  void should_find_no_jdk_http_client_or_databricks_rest_path_outside_the_platform_module() {
    List<String> problems = new ArrayList<>();
    List<String> usedAllowances = new ArrayList<>();
    for (Path file : mainSources()) {
      String rel = ROOT.relativize(file).toString().replace('\\', '/');
      if (rel.startsWith("platform/") || rel.startsWith("testkit/")) { // the layer itself, and the fake workspace
        continue;
      }
      String code = withoutComments(read(file));
      List<String> found = new ArrayList<>();
      if (JDK_HTTP.matcher(code).find()) {
        found.add("java.net.http.HttpClient");
      }
      Matcher m = REST_PATH.matcher(code);
      if (m.find()) {
        found.add("Databricks REST path " + m.group());
      }
      if (!found.isEmpty()) {
        if (ALLOWED.containsKey(rel)) {
          usedAllowances.add(rel);
        } else {
          problems.add(rel + ": " + String.join(", ", found));
        }
      }
    }
    assertThat(problems).as("call Databricks through io.datagent.platform (databricks-sdk-java) instead").isEmpty();
    assertThat(usedAllowances).as("allowances still needed").containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
  }

  @Test
  void should_reach_databricks_from_the_jobs_only_through_the_platform_module() {
    // the Spark JAR tasks (EmbedJob's index sync, IndexSyncJob's wait, the job identity) use io.datagent.platform
    List<String> direct = mainSources().stream()
        .filter(f -> ROOT.relativize(f).toString().replace('\\', '/').startsWith("jobs/"))
        .filter(f -> withoutComments(read(f)).contains("com.databricks.sdk"))
        .map(f -> ROOT.relativize(f).toString().replace('\\', '/')).toList();
    assertThat(direct).as("jobs classes using databricks-sdk-java directly").isEmpty();
  }

  @Test
  void should_depend_on_the_fake_workspace_only_in_test_scope() {
    Pattern dep = Pattern.compile("<dependency>\\s*<groupId>io\\.datagent</groupId>\\s*<artifactId>datagent-testkit</artifactId>"
        + "(.*?)</dependency>", Pattern.DOTALL);
    List<String> problems = new ArrayList<>();
    try (Stream<Path> poms = Files.list(ROOT)) {
      for (Path module : poms.filter(p -> Files.isRegularFile(p.resolve("pom.xml"))).toList()) {
        Matcher m = dep.matcher(read(module.resolve("pom.xml")));
        while (m.find()) {
          // bench is a developer tool, never shipped: its triage benchmark drives the monitor against the fake
          if (!m.group(1).contains("<scope>test</scope>") && !module.getFileName().toString().equals("bench")) {
            problems.add(module.getFileName() + "/pom.xml");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(problems).as("datagent-testkit outside test scope").isEmpty();
  }

  @Test
  void should_catch_a_hand_built_path_and_a_jdk_client_when_one_is_written() {
    String sample = "class X { java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();\n"
        + "  String p = host + \"/api/2.1/jobs/run-now\"; // \"/api/2.0/in/a/comment\" is fine\n}";
    assertThat(JDK_HTTP.matcher(withoutComments(sample)).find()).isTrue();
    Matcher m = REST_PATH.matcher(withoutComments(sample));
    assertThat(m.find()).isTrue();
    assertThat(m.group()).isEqualTo("\"/api/2.1/jobs/run-now\"");
    assertThat(m.find()).isFalse();
  }

  static List<Path> mainSources() {
    try (Stream<Path> s = Files.walk(ROOT, 1)) {
      List<Path> out = new ArrayList<>();
      for (Path module : s.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).toList()) {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
        }
      }
      assertThat(out).as("main sources found under " + ROOT).hasSizeGreaterThan(100);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The code without comments (Javadoc may name the REST paths a class reaches through the SDK). */
  static String withoutComments(String code) {
    StringBuilder out = new StringBuilder(code.length());
    int i = 0;
    boolean inString = false;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < code.length()) {
          out.append(code.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        i++;
      } else if (c == '"') {
        inString = true;
        out.append(c);
        i++;
      } else if (code.startsWith("//", i)) {
        int end = code.indexOf('\n', i);
        i = end < 0 ? code.length() : end;
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? code.length() : end + 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
