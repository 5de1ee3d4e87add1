package io.datagent.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental sources ask only for what changed since the high-water mark; secrets come from the environment. */
class IncrementalExtractTest {

  @TempDir
  Path uploads;

  @Test
  void should_send_the_high_water_mark_and_keep_it_when_a_run_resumes() throws Exception {
    new SourceState("2023-04-19T00:20:05", "r0", "LOADED", null, "2023-04-20T00:00:00Z").write(uploads, "blog");
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.json(RecordedApi.array(PaginationStylesTest.posts(1, 1)),
        RecordedApi.wordpressHeaders("", 1, 1, 1, 100)))) {
      ApiSource s = SourceDefinitions.parse("blog.yml", "source: blog\nbase_url: " + api.base() + "\n"
          + "incremental:\n  param: modified_after\n  field: modified\n"
          + "endpoints:\n  - path: /wp-json/wp/v2/posts\n    table: entradas\n    id: id\n    pagination:\n      type: page\n");
      PaginationStylesTest.extract(s, uploads, "r1");
      assertThat(api.requests.get(0).param("modified_after")).isEqualTo("2023-04-19T00:20:05");
      // after a load moved the mark, the next run asks from the new mark
      new SourceState("2024-01-01T00:00:00", "r9", "LOADED", null, null).write(uploads, "blog");
      PaginationStylesTest.extract(s, uploads, "r2");
      assertThat(api.requests.get(1).param("modified_after")).isEqualTo("2024-01-01T00:00:00");
    }
  }

  @Test
  void should_find_secrets_by_scope_and_key_or_by_key_alone_in_the_environment() {
    SecretLookup env = SecretLookup.fromEnvironment(Map.of("DATAGENT_SECRET_API_TOKEN", "t1", "DATAGENT_SECRET_PARTNER_API_USER", "u1"));
    assertThat(env.find("datagent_dev_ana", "api-token")).contains("t1");
    assertThat(env.find("partner", "api-user")).contains("u1");
    assertThat(env.find("partner", "api-password")).isEmpty();
  }
}
