package io.datagent.jobmonitor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signal stage on its own: taxonomies, root cause over wrapper, and the evidence naming what decided. */
class SignalStageTest {

  private final SignalStage stage = new SignalStage(SignalCatalog.load());

  private Candidate classify(String text) {
    return stage.classify(new FailureText(Failure.ofText(text)));
  }

  @Test
  void should_decide_by_the_root_cause_when_a_wrapper_comes_first() {
    Candidate c = classify("org.apache.spark.SparkException: Job aborted due to stage failure\n"
        + "\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:1)\n"
        + "Caused by: java.io.IOException: Failed to send RPC\n"
        + "Caused by: java.net.ConnectException: Conexión rehusada: worker-7/10.0.0.7:7337");
    assertThat(c.category()).isEqualTo(Category.NETWORK);
    assertThat(c.evidence().stage()).isEqualTo(Evidence.SIGNAL);
    assertThat(c.evidence().ref()).isEqualTo("java.net.ConnectException");
    assertThat(c.evidence().detail()).contains("causa raíz");
    assertThat(c.explanation()).contains("java.net.ConnectException");
  }

  @Test
  void should_read_the_python_exception_when_the_text_is_a_traceback() {
    Candidate c = classify("Traceback (most recent call last):\n  File \"/Workspace/jobs/load.py\", line 3, in <module>\n"
        + "    import openpyxl\nModuleNotFoundError: No module named 'openpyxl'");
    assertThat(c.category()).isEqualTo(Category.CODE);
    assertThat(c.evidence().ref()).isEqualTo("ModuleNotFoundError");
  }

  @Test
  void should_classify_by_http_status_when_the_client_reports_one() {
    assertThat(classify("requests.exceptions.HTTPError: 429 Client Error: for url: https://adb-1.azuredatabricks.net/api/2.1/jobs/runs/get")
        .category()).isEqualTo(Category.NETWORK);
    assertThat(classify("HTTP/2.0 401 \n{\"error_code\": \"x\"}").category()).isEqualTo(Category.PERMISSION);
  }

  @Test
  void should_prefer_the_specific_cloud_code_over_a_generic_status() {
    Candidate c = classify("503 SERVICE UNAVAILABLE ZONE_RESOURCE_POOL_EXHAUSTED: The zone 'projects/p/zones/x' does "
        + "not have enough resources available to fulfill the request.");
    assertThat(c.category()).isEqualTo(Category.RESOURCE);
    assertThat(c.evidence().ref()).isEqualTo("ZONE_RESOURCE_POOL_EXHAUSTED");
    assertThat(c.evidence().detail()).contains("otras señales");
  }

  @Test
  void should_not_be_confident_when_only_a_wrapper_is_seen() {
    Candidate c = classify("org.apache.spark.SparkException: Job aborted.");
    assertThat(c.category()).isEqualTo(Category.UNKNOWN);
    assertThat(c.confidence()).isLessThan(0.5);
  }

  @Test
  void should_say_nothing_when_no_signal_is_present() {
    assertThat(classify("el lote de hoy llegó con retraso")).isNull();
  }
}
