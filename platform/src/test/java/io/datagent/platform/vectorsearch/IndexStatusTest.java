package io.datagent.platform.vectorsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The state of a GetIndex answer: the SDK-typed fields plus the pipeline state the typed model drops. */
class IndexStatusTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void should_read_state_rows_and_processed_version_when_a_triggered_index_is_idle() throws Exception {
    IndexStatus s = IndexStatus.of(JSON.readTree("{\"name\":\"c.s.i\",\"index_type\":\"DELTA_SYNC\",\"status\":{"
        + "\"ready\":true,\"detailed_state\":\"ONLINE_NO_PENDING_UPDATE\",\"indexed_row_count\":42,"
        + "\"message\":\"Index is currently online\",\"index_url\":\"h/api/2.0/vector-search/endpoints/e/indexes/c.s.i\","
        + "\"triggered_update_status\":{\"last_processed_commit_version\":7}}}"));

    assertThat(s.idle()).isTrue();
    assertThat(s.failed()).isFalse();
    assertThat(s.indexedRowCount()).isEqualTo(42L);
    assertThat(s.lastProcessedVersion()).isEqualTo(7L);
    assertThat(s.describe()).isEqualTo("ONLINE_NO_PENDING_UPDATE, 42 filas indexadas: Index is currently online");
  }

  @Test
  void should_judge_on_ready_alone_when_the_answer_has_no_detailed_state() throws Exception {
    IndexStatus ready = IndexStatus.of(JSON.readTree("{\"status\":{\"ready\":true,\"indexed_row_count\":3}}"));
    IndexStatus notReady = IndexStatus.of(JSON.readTree("{\"status\":{\"ready\":false}}"));
    IndexStatus none = IndexStatus.of(JSON.readTree("{}"));

    assertThat(ready.idle()).isTrue();
    assertThat(ready.lastProcessedVersion()).isNull();
    assertThat(notReady.idle()).isFalse();
    assertThat(none.idle()).isFalse();
    assertThat(none.describe()).isEqualTo("no listo");
  }

  @Test
  void should_tell_a_failed_pipeline_from_an_update_in_progress() throws Exception {
    IndexStatus failed = IndexStatus.of(JSON.readTree("{\"status\":{\"ready\":true,"
        + "\"detailed_state\":\"ONLINE_PIPELINE_FAILED\",\"message\":\"boom\"}}"));
    IndexStatus busy = IndexStatus.of(JSON.readTree("{\"status\":{\"ready\":true,"
        + "\"detailed_state\":\"ONLINE_TRIGGERED_UPDATE\"}}"));

    assertThat(failed.failed()).isTrue();
    assertThat(failed.idle()).isFalse();
    assertThat(busy.failed()).isFalse();
    assertThat(busy.idle()).isFalse();
  }
}
