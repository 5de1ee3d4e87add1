package io.datagent.jobmonitor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.jobmonitor.Configs;
import io.datagent.jobmonitor.config.Classifiers;
import org.junit.jupiter.api.Test;

class TriageClassifierTest {

  private final TriageClassifier classifier = Classifiers.rulesOnly(Configs.shipped(), ErrorCatalog.load());

  @Test
  void should_stop_at_the_termination_code_when_it_is_confident() {
    Classification c = classifier.classify(new Failure("UNAUTHORIZED_ERROR", "FAILED", "no permission", "java.lang.OutOfMemoryError", null, null));
    assertThat(c.category()).isEqualTo(Category.PERMISSION);
    assertThat(c.stage()).isEqualTo(Evidence.TERMINATION);
    assertThat(c.evidence()).hasSize(1);
  }

  @Test
  void should_read_the_output_when_the_termination_code_is_not_confident() {
    // given CLUSTER_ERROR (0.6) and an exit code 137 in the trace
    Classification c = classifier.classify(new Failure("CLUSTER_ERROR", "FAILED", "Cluster became unusable", null,
        "ExecutorLostFailure (executor 2 exited caused by one of the running tasks) Reason: Command exited with code 137", null));
    assertThat(c.category()).isEqualTo(Category.RESOURCE);
    assertThat(c.stage()).isEqualTo(Evidence.SIGNAL);
    assertThat(c.evidence()).extracting(Evidence::stage).containsExactly(Evidence.TERMINATION, Evidence.SIGNAL);
  }

  @Test
  void should_find_the_root_cause_when_it_is_deep_in_a_long_trace() {
    StringBuilder trace = new StringBuilder("org.apache.spark.SparkException: Job aborted.\n");
    for (int i = 0; i < 2_000; i++) {
      trace.append("\tat org.apache.spark.scheduler.DAGScheduler.runJob(DAGScheduler.scala:").append(i).append(")\n");
    }
    trace.append("Caused by: java.lang.ClassNotFoundException: com.crealytics.spark.excel.DefaultSource\n");
    Classification c = classifier.classify(new Failure(null, null, null, "Job aborted.", trace.toString(), null));
    assertThat(c.category()).isEqualTo(Category.CODE);
  }

  @Test
  void should_say_unknown_in_spanish_when_nothing_matches() {
    Classification c = classifier.classify(Failure.ofText("algo raro pasó"));
    assertThat(c.category()).isEqualTo(Category.UNKNOWN);
    assertThat(c.confidence()).isZero();
    assertThat(c.explanation()).contains("persona");
  }

  @Test
  void should_keep_a_weak_hint_when_no_stage_is_confident() {
    Classification c = classifier.classify(Failure.ofText("org.apache.spark.SparkException: Job aborted due to stage failure: Task 1 failed"));
    assertThat(c.category()).isEqualTo(Category.UNKNOWN);
    assertThat(c.confidence()).isLessThan(classifier.confidentAt());
    assertThat(c.evidence()).extracting(Evidence::ref).contains("task-failed");
  }
}
