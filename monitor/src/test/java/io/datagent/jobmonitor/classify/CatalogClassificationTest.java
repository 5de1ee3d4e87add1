package io.datagent.jobmonitor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.jobmonitor.Configs;
import io.datagent.jobmonitor.config.Classifiers;
import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.triage.CatalogSamples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages generated from Spark's and Delta's own error catalogues go to the category of their SQLSTATE. */
class CatalogClassificationTest {

  private final ErrorCatalog catalog = ErrorCatalog.load();
  private final MonitorConfig config = Configs.shipped();
  private final TriageClassifier classifier = Classifiers.rulesOnly(config, catalog);

  @Test
  void should_read_both_catalogues_when_unpacked_at_build_time() {
    // then: the counts of spark-common-utils 3.5.3 and delta-spark 3.3.0
    assertThat(catalog.countsBySource().get("spark")).isEqualTo(873);
    assertThat(catalog.countsBySource().get("delta")).isGreaterThan(400);
    assertThat(catalog.find("TABLE_OR_VIEW_NOT_FOUND").sqlState()).isEqualTo("42P01");
    assertThat(catalog.find("DELTA_CONCURRENT_APPEND").sqlState()).isEqualTo("2D521");
    assertThat(catalog.find("UNRESOLVED_COLUMN.WITH_SUGGESTION").name()).isEqualTo("UNRESOLVED_COLUMN");
  }

  @Test
  void should_map_every_sqlstate_class_when_a_catalogue_entry_has_one() {
    List<String> unmapped = new ArrayList<>();
    for (ErrorCatalog.Entry e : catalog.entries()) {
      if (e.sqlState() != null && config.errorClasses().bySqlState(e.sqlState()) == null) {
        unmapped.add(e.name() + " " + e.sqlState());
      }
    }
    assertThat(unmapped).isEmpty();
  }

  @Test
  void should_classify_each_generated_message_by_its_sqlstate_when_the_mapping_is_confident() {
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    for (CatalogSamples.Sample s : CatalogSamples.all(catalog)) {
      CategoryScore expected = config.errorClasses().errorClasses().get(s.entry().name());
      if (expected == null) {
        expected = config.errorClasses().bySqlState(s.entry().sqlState());
      }
      if (expected == null || expected.confidence() < classifier.confidentAt()) {
        continue;
      }
      // when
      Classification c = classifier.classify(Failure.ofText(s.text()));
      // then
      checked++;
      if (c.category() != expected.category() || !c.stage().equals(Evidence.ERROR_CLASS)) {
        wrong.add(s.entry().name() + " → " + c.category().id() + " " + c.evidence());
      }
    }
    assertThat(checked).isGreaterThan(500);
    assertThat(wrong).isEmpty();
  }

  @Test
  void should_give_every_generated_message_an_answer_with_evidence_when_classified() {
    for (CatalogSamples.Sample s : CatalogSamples.all(catalog)) {
      Classification c = classifier.classify(Failure.ofText(s.text()));
      assertThat(c.explanation()).as(s.entry().name()).isNotBlank();
      if (c.category() != Category.UNKNOWN) {
        assertThat(c.evidence()).as(s.entry().name()).isNotEmpty();
      }
    }
  }
}
