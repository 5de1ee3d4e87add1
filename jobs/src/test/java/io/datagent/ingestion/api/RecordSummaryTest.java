package io.datagent.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids repeated within a page versus across pages, on the recorded ESIOS answer for the day clocks went back. */
class RecordSummaryTest {

  @TempDir
  Path dir;

  RecordSummary summary(String id, int pages) throws Exception {
    Path body = Files.write(dir.resolve("page.json"), RecordedApi.resource("esios-indicator-1739-2021-10-31-dst.json"));
    ApiSource s = SourceDefinitions.parse("esios.yml", "source: esios\nbase_url: https://api.esios.ree.es\nendpoints:\n"
        + "  - path: /indicators/1739\n    table: precios\n    records: indicator.values\n    id: " + id + "\n");
    List<PageRef> refs = new java.util.ArrayList<>();
    for (int p = 1; p <= pages; p++) {
      refs.add(new PageRef(p, "https://api.esios.ree.es/indicators/1739?page=" + p, "2021-10-31T12:00:00Z", body.toString(),
          String.format("page-%05d.json", p)));
    }
    ApiEndpoint ep = s.endpoints().get(0);
    return RecordSummary.of(new PageParser(s, ep), refs, ep.id(), null);
  }

  @Test
  void should_keep_the_first_record_of_a_page_and_name_it_when_an_id_repeats_within_that_page() throws Exception {
    RecordSummary one = summary("datetime_utc", 1);
    assertThat(one.count).isEqualTo(25);
    assertThat(one.ids).hasSize(24);
    assertThat(one.superseded()).as("not a change of the source between pages").isEmpty();
    assertThat(one.repeats.size()).isEqualTo(1);
    long fourth = ParsedRecord.position(1, 4);
    assertThat(one.repeats.contains(fourth)).isTrue();
    assertThat(one.repeats.reason(RecordKey.single("datetime_utc"), "2021-10-31T00:00:00Z", fourth))
        .as("the price differs too, but a measurement is no key: the local time with its offset is suggested")
        .isEqualTo("el id 'datetime_utc' = 2021-10-31T00:00:00Z ya apareció en el registro 3 de esta página: "
            + "el campo id no identifica un registro (¿falta un campo en la clave? id: [datetime_utc, datetime])");
    assertThat(summary("[datetime_utc, datetime]", 1).repeats.size()).isZero();
  }

  @Test
  void should_keep_the_latest_page_of_an_id_repeated_across_pages_apart_from_the_repeats_within_each_page() throws Exception {
    RecordSummary two = summary("datetime_utc", 2);
    assertThat(two.repeats.size()).isEqualTo(2);
    assertThat(two.superseded()).hasSize(24).allMatch(p -> p >> 32 == 1);
  }
}
